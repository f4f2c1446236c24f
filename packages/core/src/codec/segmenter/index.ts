export { segmentBudget, userDataHeaderOctets } from './segment-budget';
export { chooseEncoding, type EncodingChoiceResult } from './choose-encoding';
export { segmentText } from './segment-text';
export { countSegments, type SegmentCount } from './count-segments';
