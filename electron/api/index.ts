export * from './agenda.ts';
export * from './contract.ts';
export * from './events.ts';
export * from './meeting.ts';
export * from './run.ts';
export * from './notes.ts';
export * from './sharing.ts';
export * from './bundle.ts';
