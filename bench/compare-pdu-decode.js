'use strict';
const nodePdu = require('node-pdu');
const { measurePair } = require('./measure-throughput');
const { pduSamples } = require('./pdu-samples');

/** What both decoders must agree on, in one comparable shape (node-pdu drops the leading +). */
function oursComparable(decoded) {
  return {
    type: decoded.type,
    address: decoded.address.replace(/^\+/, ''),
    text: decoded.type === 'status-report' ? null : decoded.text,
    messageReference: decoded.type === 'status-report' ? decoded.messageReference : null,
    status: decoded.status,
    timestamp: decoded.timestamp,
  };
}

function peerComparable(parsed) {
  if (parsed instanceof nodePdu.Deliver) {
    return { type: 'deliver', address: parsed.address.phone, text: parsed.data.getText(), messageReference: null, status: null, timestamp: parsed.serviceCenterTimeStamp.getIsoString() };
  }
  if (parsed instanceof nodePdu.Submit) {
    return { type: 'submit', address: parsed.address.phone, text: parsed.data.getText(), messageReference: null, status: null, timestamp: null };
  }
  return { type: 'status-report', address: parsed.address.phone, text: null, messageReference: parsed.reference, status: parsed.status, timestamp: parsed.dateTime.getIsoString() };
}

/** The value the sample was built with, in the comparable shape (address without +). */
function expectedValue(expect, field) {
  if (field === 'address') return expect.address.replace(/^\+/, '');
  return expect[field];
}

/** PDU decode, ours vs node-pdu's `parse`: same inputs, both read the text and the address. */
function comparePduDecode(core) {
  const inputs = pduSamples.map((sample) => sample.hex);
  const disagreements = [];
  for (const sample of pduSamples) {
    let ours;
    let peer;
    try {
      ours = oursComparable(core.decodePdu(sample.hex));
    } catch (error) {
      ours = { error: error.message };
    }
    try {
      peer = peerComparable(nodePdu.parse(sample.hex));
    } catch (error) {
      peer = { error: error.message };
    }
    for (const field of new Set([...Object.keys(ours), ...Object.keys(peer)])) {
      if (JSON.stringify(ours[field]) === JSON.stringify(peer[field])) continue;
      const expected = expectedValue(sample.expect, field);
      const verdict =
        expected === undefined
          ? 'no expectation recorded'
          : JSON.stringify(ours[field]) === JSON.stringify(expected)
            ? 'node-pdu is wrong'
            : JSON.stringify(peer[field]) === JSON.stringify(expected)
              ? 'ours is wrong'
              : 'both are wrong';
      disagreements.push({ input: sample.label, field, ours: ours[field], peer: peer[field], spec: expected, verdict });
    }
  }
  const timing = measurePair(
    inputs,
    (hex) => {
      const decoded = core.decodePdu(hex);
      return decoded.text ?? decoded.address;
    },
    (hex) => {
      const parsed = nodePdu.parse(hex);
      return parsed.data ? parsed.data.getText() : parsed.address.phone;
    },
  );
  return { task: 'PDU decode', peer: 'node-pdu parse()', inputs: inputs.length, ...timing, target: 10, disagreements };
}

module.exports = { comparePduDecode };
