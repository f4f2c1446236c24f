import { SmsBridgeError } from './smsbridge-error';

/** Machine codes of codec failures; each names what was wrong, the message says where. */
export type CodecErrorCode =
  | 'SMSB_CODEC_BAD_HEX'
  | 'SMSB_CODEC_TRUNCATED'
  | 'SMSB_CODEC_BAD_FIELD'
  | 'SMSB_CODEC_UNSUPPORTED'
  | 'SMSB_CODEC_BAD_ADDRESS'
  | 'SMSB_CODEC_UNENCODABLE'
  | 'SMSB_CODEC_BAD_OPTION'
  | 'SMSB_CODEC_TOO_LONG';

/** A malformed PDU, text that cannot be encoded or a bad codec option. `offset` is the octet index in the PDU where known. */
export class CodecError extends SmsBridgeError {
  override name = 'CodecError';
  declare readonly code: CodecErrorCode;
  readonly offset: number | undefined;

  constructor(code: CodecErrorCode, message: string, offset?: number, cause?: unknown) {
    super(code, offset === undefined ? message : `${message} (at octet ${offset})`, {
      retryable: false,
      details: offset === undefined ? {} : { offset },
      cause,
    });
    this.offset = offset;
  }
}
