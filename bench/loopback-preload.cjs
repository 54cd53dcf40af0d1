// Loaded into a peer server (`node --import`) for the side-by-side benchmark: every listen on
// all interfaces becomes a listen on 127.0.0.1, so nothing of it is exposed to the network.
import net from 'node:net';

const listen = net.Server.prototype.listen;
const ANY = new Set([undefined, null, '', '0.0.0.0', '::']);
net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    if (ANY.has(first.host)) args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' || typeof first === 'string') {
    if (typeof second === 'string') {
      if (ANY.has(second)) args[1] = '127.0.0.1';
    } else {
      args.splice(1, 0, '127.0.0.1');
    }
  }
  return listen.apply(this, args);
};
