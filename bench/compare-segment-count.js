'use strict';
const splitSms = require('split-sms');
const { SegmentedMessage } = require('sms-segments-calculator');
const { measurePair } = require('./measure-throughput');
const { allTexts } = require('./text-samples');
const { referenceSegmentCount, knownFlaws, nonGsm7Characters } = require('./reference-segment-count');

/** Each counter reduced to the same answer: encoding and number of parts. */
const counters = {
  'split-sms': (text) => {
    const result = splitSms.split(text);
    return { encoding: result.characterSet === 'GSM' ? 'gsm7' : 'ucs2', count: result.parts.length };
  },
  'sms-segments-calculator': (text) => {
    const result = new SegmentedMessage(text);
    return { encoding: result.encodingName === 'GSM-7' ? 'gsm7' : 'ucs2', count: result.segmentsCount };
  },
};

const targets = { 'split-sms': 2, 'sms-segments-calculator': 100 };

/** Says which known mistake reproduces a wrong answer, or what differs. */
function explain(text, answer) {
  const spec = referenceSegmentCount(text);
  if (answer.encoding !== spec.encoding) {
    const foreign = nonGsm7Characters(text);
    return answer.encoding === 'gsm7'
      ? `takes ${JSON.stringify(foreign.join(''))} for GSM-7 characters`
      : 'uses UCS-2 although every character is in the GSM-7 tables';
  }
  const flaw = knownFlaws.find(({ flaws }) => referenceSegmentCount(text, flaws).count === answer.count);
  return flaw ? flaw.explanation : 'unexplained';
}

/** Segment counting: ours vs split-sms and sms-segments-calculator, each arbitrated by the spec-literal reference. */
function compareSegmentCount(core) {
  const inputs = allTexts.map(({ text }) => text);
  const results = [];
  const ourCount = (text) => core.countSegments(text, {});
  for (const [peer, count] of Object.entries(counters)) {
    const disagreements = [];
    for (const { label, text } of allTexts) {
      const ours = ourCount(text);
      const theirs = count(text);
      const spec = referenceSegmentCount(text);
      if (ours.encoding === theirs.encoding && ours.count === theirs.count) continue;
      const oursRight = ours.encoding === spec.encoding && ours.count === spec.count;
      const theirsRight = theirs.encoding === spec.encoding && theirs.count === spec.count;
      disagreements.push({
        input: label,
        field: 'encoding/parts',
        ours: `${ours.encoding}/${ours.count}`,
        peer: `${theirs.encoding}/${theirs.count}`,
        spec: `${spec.encoding}/${spec.count}`,
        verdict: oursRight && !theirsRight ? `${peer} ${explain(text, theirs)}` : theirsRight && !oursRight ? `ours ${explain(text, ours)}` : `both differ from the spec`,
      });
    }
    const timing = measurePair(inputs, (text) => ourCount(text).count, (text) => count(text).count);
    results.push({ task: 'segment count', peer, inputs: inputs.length, ...timing, target: targets[peer], disagreements });
  }
  return results;
}

module.exports = { compareSegmentCount };
