'use strict';
const { GSM7_DEFAULT_ALPHABET, GSM7_EXTENSION_BY_SEPTET } = require('./reference-segment-count');

/**
 * A spec-literal reader of the text in one SMS-SUBMIT PDU (3GPP TS 23.040 §9.2.2.2, TS 23.038),
 * used only to judge which encoder is right when two disagree. No validation beyond what it needs.
 */
function referenceSubmitText(hex) {
  const octets = Buffer.from(hex, 'hex');
  let offset = 1 + octets[0]; // SMSC length octet + SMSC
  const firstOctet = octets[offset++];
  const hasHeader = (firstOctet & 0x40) !== 0;
  const validityFormat = (firstOctet >> 3) & 0x03;
  offset++; // TP-MR
  const addressDigits = octets[offset++];
  offset += 1 + Math.ceil(addressDigits / 2); // type of address + semi-octets
  offset++; // TP-PID
  const alphabet = alphabetOf(octets[offset++]);
  offset += validityFormat === 2 ? 1 : validityFormat === 0 ? 0 : 7;
  const userDataLength = octets[offset++];
  const userData = octets.subarray(offset);
  const headerOctets = hasHeader ? userData[0] + 1 : 0;

  if (alphabet === 'ucs2') return userData.subarray(headerOctets, userDataLength).swap16().toString('utf16le');
  if (alphabet === '8bit') return userData.subarray(headerOctets, userDataLength).toString('hex');
  const skipSeptets = Math.ceil((headerOctets * 8) / 7);
  let text = '';
  let escaped = false;
  for (let septetIndex = skipSeptets; septetIndex < userDataLength; septetIndex++) {
    const bit = septetIndex * 7;
    const pair = userData[bit >> 3] | ((userData[(bit >> 3) + 1] ?? 0) << 8);
    const septet = (pair >> (bit & 7)) & 0x7f;
    if (escaped) {
      text += GSM7_EXTENSION_BY_SEPTET.get(septet) ?? GSM7_DEFAULT_ALPHABET[septet];
      escaped = false;
    } else if (septet === 0x1b) {
      escaped = true;
    } else {
      text += GSM7_DEFAULT_ALPHABET[septet];
    }
  }
  return text;
}

/** TS 23.038 §4: the alphabet a data coding scheme announces. */
function alphabetOf(dcs) {
  if ((dcs & 0xc0) === 0x00 || (dcs & 0xc0) === 0x40) return ['gsm7', '8bit', 'ucs2', 'gsm7'][(dcs >> 2) & 0x03];
  if ((dcs & 0xf0) === 0xf0) return dcs & 0x04 ? '8bit' : 'gsm7';
  if ((dcs & 0xf0) === 0xe0) return 'ucs2';
  return 'gsm7';
}

module.exports = { referenceSubmitText };
