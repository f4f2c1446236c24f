/** The DLR a send asked for, kept in the message's meta until the network settles it. */
export interface DlrRequest {
  url: string;
  level: number;
  method: 'GET' | 'POST';
}
