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
 * SYN-ACK retransmissions when the handshake's last ACK was dropped: first after the 1 s
 * initial RTO (RFC 6298, 2.1), doubling each time, up to net.ipv4.tcp_synack_retries = 5;
 * the client's connection completes 1, 3, 7, 15 or 31 s late, or not at all.
 */
export const SYNACK_INITIAL_RTO = 1;
export const SYNACK_RETRIES = 5;

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
