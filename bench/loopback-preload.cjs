// Loaded into a peer server (`node --require`) for the side-by-side benchmark: every listen on
// all interfaces becomes a listen on 127.0.0.1, so nothing of it is exposed to the network.
// CommonJS so that it is in place before the server's own (CommonJS) bundle runs any code.
'use strict';
const net = process.getBuiltinModule('node:net');

const listen = net.Server.prototype.listen;
const ANY = new Set([undefined, null, '', '0.0.0.0', '::']);
net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    // listen({ port, host }) or listen(handle): only the former names a host.
    if (!('fd' in first || '_handle' in first) && ANY.has(first.host)) {
      args[0] = { ...first, host: '127.0.0.1' };
    }
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port, host?, backlog?, cb?): a host, when given, is the second argument.
    if (typeof second === 'string') {
      if (ANY.has(second)) args[1] = '127.0.0.1';
    } else {
      args.splice(1, 0, '127.0.0.1');
    }
  }
  return listen.apply(this, args);
};
