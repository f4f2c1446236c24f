// Placeholder until the CLI lands: the demo entry point of `npm start`.
console.log('smsbridge: build ok');
