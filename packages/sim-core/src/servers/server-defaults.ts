/**
 * Default figures for a server, each from a real measurement or a kernel/runtime default,
 * so a scenario that says nothing still behaves like a typical Linux machine.
 */

/**
 * Round-robin time slice. Linux CFS aims to run every runnable task once per
 * sched_latency (6 ms by default) and never slices below sched_min_granularity (0.75 ms),
 * both scaled by 1 + log2(cpus) (kernel/sched/fair.c, sysctl_sched_latency and
 * sysctl_sched_min_granularity); two runnable threads per core thus get about 3 ms each.
 */
export const DEFAULT_TIMESLICE = 0.003;
/** The floor of a slice however many threads wait: CFS's sched_min_granularity, 0.75 ms. */
export const DEFAULT_MIN_TIMESLICE = 0.00075;

/**
 * Direct cost of one context switch: a few microseconds on x86 Linux (Li, Ding & Shen,
 * "Quantifying the cost of context switch", ExpCS 2007: 3.8 µs direct cost; Tsuna, "How
 * long does it take to make a context switch?", 2010: a few µs between threads, tens of µs
 * once cache effects are counted).
 */
export const DEFAULT_CONTEXT_SWITCH = 0.000003;

/**
 * Cache refill paid by a thread that resumes on another core than it last ran on: its
 * L1/L2 working set must be fetched again. Li, Ding & Shen (ExpCS 2007) measured indirect
 * (cache) costs from a few µs up to more than 1 ms depending on the working set; 30 µs
 * corresponds to refilling a few hundred KB of L2 from L3/DRAM.
 */
export const DEFAULT_MIGRATION = 0.00003;

/**
 * CPython's GIL switch interval: a thread holding the GIL is asked to drop it after 5 ms
 * while another thread waits (sys.getswitchinterval() == 0.005).
 */
export const GIL_SWITCH_INTERVAL = 0.005;

/**
 * The listen backlog is silently capped by net.core.somaxconn: 4096 since Linux 5.4
 * (commit 19f92a030ca6, "net: increase SOMAXCONN to 4096"), 128 before.
 */
export const SOMAXCONN = 4096;

/** NGINX's default listen backlog on Linux is 511 (ngx_http_core_module, `listen ... backlog=`). */
export const DEFAULT_ACCEPT_BACKLOG = 511;

/**
 * The kernel's timer tick (CONFIG_HZ). TCP's retransmission timers are counted in ticks and
 * batched by the timer wheel (timer-wheel.ts). Debian's and Ubuntu's kernels use 250.
 */
export const KERNEL_HZ = 250;

/**
 * The first retransmission timeout of a SYN and of a SYN-ACK: TCP_TIMEOUT_INIT, 1 s
 * (include/net/tcp.h; RFC 6298, 2.1).
 */
export const TCP_TIMEOUT_INIT = 1;

/**
 * A client retransmits an unanswered SYN tcp_syn_retries (6) times with exponential backoff,
 * after its first tcp_syn_linear_timeouts (4, Linux 6.5 and later) timeouts keep the initial
 * 1 s (net/ipv4/tcp_timer.c, tcp_retransmit_timer); tcp_write_timeout gives up after
 * tcp_syn_retries + tcp_syn_linear_timeouts retransmissions. SYNs go out at 0, 1, 2, 3, 4, 5,
 * 7, 11, 19, 35 and 67 s, and connect() fails with ETIMEDOUT at 131 s.
 */
export const SYN_RETRIES = 6;
export const SYN_LINEAR_TIMEOUTS = 4;

/**
 * The listener retransmits the SYN-ACK of a request still in its SYN queue after 1, 2, 4, 8 and
 * 16 s (req->timeout << num_timeout, net/ipv4/inet_connection_sock.c, reqsk_timer_handler), up to
 * tcp_synack_retries (5) — fewer when old requests crowd the queue.
 */
export const SYNACK_RETRIES = 5;

/**
 * The smallest retransmission timeout of an established connection: TCP_RTO_MIN, 200 ms
 * (include/net/tcp.h, net.ipv4.tcp_rto_min_us). Backoff doubles it up to TCP_RTO_MAX, 120 s.
 */
export const TCP_RTO_MIN = 0.2;
export const TCP_RTO_MAX = 120;

/**
 * Data retransmissions before an established connection is given up: tcp_retries2 (15); once the
 * application has closed the socket (an orphan), tcp_orphan_retries, whose default 0 means 8
 * (net/ipv4/tcp_timer.c, tcp_orphan_retries).
 */
export const TCP_RETRIES2 = 15;
export const TCP_ORPHAN_RETRIES = 8;

/**
 * Resident memory of one thread: its stack. glibc reserves 8 MB of virtual stack per
 * thread (ulimit -s), but only touched pages become resident; the JVM's default thread
 * stack on 64-bit Linux is 1 MB (-Xss, Oracle "java" tool reference), the figure the
 * Tomcat sizing rule of thumb uses. We count 1 MB.
 */
export const DEFAULT_THREAD_MEMORY = 1024 * 1024;

/** Resident memory of one worker process before any request: ~10 MB for a small interpreter or NGINX worker with its modules. */
export const DEFAULT_PROCESS_MEMORY = 10 * 1024 * 1024;

/**
 * Memory per open connection in the application: a socket's kernel buffers plus the
 * server's per-connection state. NGINX reports ~2.5 MB for 10,000 idle keep-alive
 * connections (250 B each); an active request adds header and body buffers
 * (client_header_buffer_size 1 KB, output buffers of a few KB). We count 16 KB.
 */
export const DEFAULT_CONNECTION_MEMORY = 16 * 1024;
