'use strict';

/**
 * Texts for segment counting and PDU encoding: the everyday mix first, then the edges where
 * counters go wrong (an escape or a surrogate pair right at a part boundary, exact limits).
 */
const everydayTexts = [
  { label: 'short ASCII', text: 'Your code is 482913.' },
  { label: 'long ASCII (3 parts)', text: 'The modem on /dev/ttyUSB2 reported signal 18/31 and registered on the home network. '.repeat(5).trim() },
  { label: 'extension chars € [ ] { } ~ ^ | \\', text: 'Price: 25€ [incl. {VAT}] ~ 3^2 | a\\b' },
  { label: 'GSM-7 accents', text: 'Café à Paris, Müller & Søren, ¿Qué tal? ¡Ñoño! Ça va.' },
  { label: 'Unicode + emoji', text: 'See you at 8 🙂👍 — ok?' },
  { label: 'long Unicode (Cyrillic, 4 parts)', text: 'Длинное сообщение на русском языке для проверки разбиения на части. '.repeat(4).trim() },
  { label: 'long emoji text', text: 'Party time 🎉🎈🥳 bring snacks 🍕🍔🍟 and drinks 🍹🍺 '.repeat(4).trim() },
  { label: 'Greek capitals in GSM-7', text: 'ΔΦΓΛΩΠΨΣΘΞ are in the GSM table' },
];

const edgeTexts = [
  { label: '160 GSM-7 septets (1 part)', text: 'a'.repeat(160) },
  { label: '161 GSM-7 septets (2 parts)', text: 'a'.repeat(161) },
  { label: '€ at septet 153 of part 1', text: `${'a'.repeat(152)}€${'b'.repeat(20)}` },
  { label: '€ ×80 = 160 septets', text: '€'.repeat(80) },
  { label: '€ ×81 = 162 septets', text: '€'.repeat(81) },
  { label: '€ ×153 (escapes never split)', text: '€'.repeat(153) },
  { label: '70 UCS-2 units (1 part)', text: 'ж'.repeat(70) },
  { label: '71 UCS-2 units (2 parts)', text: 'ж'.repeat(71) },
  { label: 'emoji across UCS-2 unit 67', text: `${'ж'.repeat(66)}🙂${'ж'.repeat(10)}` },
  { label: '🙂 ×35 = 70 units', text: '🙂'.repeat(35) },
  { label: '🙂 ×36 = 72 units', text: '🙂'.repeat(36) },
  { label: '🙂 ×67 (pairs never split)', text: '🙂'.repeat(67) },
  { label: 'ZWJ family emoji ×20', text: '👨‍👩‍👧‍👦'.repeat(20) },
  { label: 'ZWJ emoji across UCS-2 unit 67', text: `${'ж'.repeat(62)}👨‍👩‍👧‍👦${'ж'.repeat(61)}` },
  { label: 'flag across UCS-2 unit 67', text: `${'ж'.repeat(65)}🇩🇪${'ж'.repeat(60)}` },
  { label: 'flags ×40', text: '🇩🇪🇫🇷'.repeat(20) },
  { label: 'lowercase ç (not GSM-7)', text: 'Garçon, ça va?' },
  { label: 'backtick (not GSM-7)', text: 'run `ls` now' },
  { label: 'no-break space (not GSM-7)', text: 'Total:\u00a025 EUR' },
  { label: 'form feed (GSM-7 extension)', text: `page 1\fpage 2 ${'x'.repeat(146)}` },
  { label: 'CRLF line breaks', text: `line one\r\nline two\r\n${'z'.repeat(145)}` },
  { label: 'curly quotes (not GSM-7)', text: '“Quoted” text ’n stuff' },
  { label: 'empty text', text: '' },
];

module.exports = { everydayTexts, edgeTexts, allTexts: [...everydayTexts, ...edgeTexts] };
