/** Texts the `demo-codec` command walks through: each shows one thing the segmenter must get right. */
export const codecDemoTexts: readonly { label: string; text: string }[] = [
  { label: 'short ASCII', text: 'Your code is 482913.' },
  { label: 'extension characters (2 septets each)', text: 'Total: 25€ [incl. {tax}] ~ ok' },
  { label: 'accents in the GSM-7 table', text: 'Café à Paris, Müller & Søren' },
  { label: 'one emoji forces UCS-2', text: 'See you at 8 🙂' },
  {
    label: 'long GSM-7 text, 3 parts',
    text: 'The modem on /dev/ttyUSB2 reported signal 18/31 and registered on the home network. '.repeat(4).trim(),
  },
];

/** The multipart Unicode message the demo encodes to PDUs and decodes back. */
export const codecDemoMultipart = {
  to: '+41791234567',
  smsc: '+41794999000',
  text: 'Привет! Это длинное сообщение на русском языке, отправленное через smsbridge. 📡 Оно не помещается в одну часть UCS-2, поэтому делится на несколько частей с заголовком UDH.',
  concatReference: 42,
};
