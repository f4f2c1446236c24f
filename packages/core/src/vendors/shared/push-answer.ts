import { InvalidRequestError } from '../../errors';

/** The answer a receiver gives the gateway. */
export interface PushAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** How a receiver answers a push it could read, and one it could not. */
export interface PushAnswers {
  accepted: PushAnswer;
  refused(error: InvalidRequestError): PushAnswer;
}

/** 200 `OK`, or 400 with the reason, in plain text. */
export const PLAIN_TEXT_PUSH_ANSWERS: PushAnswers = {
  accepted: { status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' },
  refused: (error) => ({ status: 400, contentType: 'text/plain; charset=utf-8', body: error.message }),
};

/**
 * Reads one push and pairs what `read` gave with the answer for the gateway. Only an unreadable
 * push (an {@link InvalidRequestError}) becomes a refusal; any other error is a bug and is thrown.
 */
export function receivePush<R extends object>(
  read: () => R,
  answers: PushAnswers = PLAIN_TEXT_PUSH_ANSWERS,
): (R & { answer: PushAnswer }) | { error: InvalidRequestError; answer: PushAnswer } {
  try {
    // A copy: a host that edits its answer must not change the next one.
    return { ...read(), answer: { ...answers.accepted } };
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    return { error, answer: answers.refused(error) };
  }
}
