'use strict';
const nodePdu = require('node-pdu');
const { measurePair } = require('./measure-throughput');
const { allTexts } = require('./text-samples');
const { referenceSegmentCount } = require('./reference-segment-count');
const { referenceSubmitText } = require('./reference-submit-text');

const DESTINATION = '+41791234567';

function attempt(compute) {
  try {
    return compute();
  } catch (error) {
    return `throws: ${error.message}`;
  }
}

function verdict(oursRight, peerRight) {
  if (oursRight && !peerRight) return 'node-pdu is wrong';
  if (peerRight && !oursRight) return 'ours is wrong';
  return oursRight ? 'both right' : 'both are wrong';
}

/**
 * PDU encode (SMS-SUBMIT), ours vs node-pdu's `Submit`. Each side's PDUs are read back by a
 * spec-literal reference reader (neither side grades its own homework): part count against the
 * spec count, text against the original. Then each decoder reads the other's PDUs, which shows
 * decoder faults too.
 */
function comparePduEncode(core) {
  const texts = allTexts.filter(({ text }) => text.length > 0);
  const disagreements = [];
  const add = (input, field, ours, peer, spec, oursRight, peerRight) => {
    if (!oursRight || !peerRight) disagreements.push({ input, field, ours, peer, spec, verdict: verdict(oursRight, peerRight) });
  };
  for (const { label, text } of texts) {
    const ours = attempt(() => core.encodeSubmit({ to: DESTINATION, text }).map((part) => part.pdu));
    const peer = attempt(() => new nodePdu.Submit(DESTINATION, text).getPartStrings());
    const spec = referenceSegmentCount(text).count;
    const oursParts = Array.isArray(ours) ? ours.length : ours;
    const peerParts = Array.isArray(peer) ? peer.length : peer;
    add(label, 'parts', oursParts, peerParts, spec, oursParts === spec, peerParts === spec);

    const oursText = Array.isArray(ours) ? attempt(() => ours.map(referenceSubmitText).join('')) : ours;
    const peerText = Array.isArray(peer) ? attempt(() => peer.map(referenceSubmitText).join('')) : peer;
    add(label, 'text sent', oursText, peerText, text, oursText === text, peerText === text);

    // Decoders on the other side's PDUs, judged against what the reference reads in them.
    if (Array.isArray(ours) && Array.isArray(peer)) {
      const peerReadsOurs = attempt(() => ours.map((hex) => nodePdu.parse(hex).data.getText()).join(''));
      const oursReadsPeer = attempt(() => peer.map((hex) => core.decodePdu(hex).text).join(''));
      add(label, 'decoder reading the other side', oursReadsPeer, peerReadsOurs, 'what the reference reads', oursReadsPeer === peerText, peerReadsOurs === oursText);
    }
  }
  const inputs = texts.map(({ text }) => text);
  const timing = measurePair(
    inputs,
    (text) => core.encodeSubmit({ to: DESTINATION, text }).length,
    (text) => new nodePdu.Submit(DESTINATION, text).getPartStrings().length,
  );
  return { task: 'PDU encode (SUBMIT)', peer: 'node-pdu new Submit()', inputs: inputs.length, ...timing, target: 10, disagreements };
}

module.exports = { comparePduEncode };
