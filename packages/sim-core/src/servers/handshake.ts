/** A connection from its first SYN until the application accepts it, as both ends' kernels see it (accept-queue.ts). */
export class Handshake {
  /** SYNs the client has sent (1 + its retransmissions). */
  syns = 0;
  /** Transmissions of the request's data so far (1 + retransmissions). */
  dataSends = 0;
  /** The listener keeps a request sock for it in the SYN queue. */
  request = false;
  /** Its SYN-ACK was a cookie: the listener kept nothing. */
  cookie = false;
  /** SYN-ACK retransmission timeouts of its request sock (req->num_timeout). */
  synAckTimeouts = 0;
  /** The connection exists at the server (queued for accept(), or accepted). */
  established = false;
  /** The request's data has reached the server. */
  delivered = false;
  /** Failed or given up: the kernels send nothing more for it. */
  over = false;
}
