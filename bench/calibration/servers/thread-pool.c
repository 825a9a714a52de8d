/*
 * A thread-pool HTTP server in the shape of Tomcat's NIO connector: one thread watches every
 * connection with epoll and queues each request that arrives; N worker threads take requests
 * from the queue, each computes for <cpu-us> of its own CPU time, then blocks for <sleep-us>
 * (holding its thread, like a blocking database call), then answers "ok" on the kept-alive
 * connection.
 *
 *   thread-pool <port> <threads> <cpu-us> <sleep-us>     prints "listening <port>" once bound
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int epfd;
static long cpu_ns, sleep_ns;

/* The request queue: connection descriptors whose request has arrived, first in first out. */
static int queue[65536];
static unsigned head, tail;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER;

static long thread_cpu_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

/* Spins until this thread has had cpu_ns of CPU: the work takes the same CPU however often it is preempted. */
static void compute(void) {
  long until = thread_cpu_ns() + cpu_ns;
  volatile unsigned x = 1;
  while (thread_cpu_ns() < until)
    for (int i = 0; i < 1000; i++) x = x * 1103515245u + 12345u;
}

static void *worker(void *arg) {
  (void)arg;
  char buf[4096];
  static const char reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
  for (;;) {
    pthread_mutex_lock(&lock);
    while (head == tail) pthread_cond_wait(&nonempty, &lock);
    int fd = queue[head++ % 65536];
    pthread_mutex_unlock(&lock);
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) {
      close(fd);
      continue;
    }
    compute();
    struct timespec pause = {.tv_sec = sleep_ns / 1000000000L, .tv_nsec = sleep_ns % 1000000000L};
    nanosleep(&pause, NULL);
    if (write(fd, reply, sizeof reply - 1) < 0) {
      close(fd);
      continue;
    }
    struct epoll_event ev = {.events = EPOLLIN | EPOLLONESHOT, .data.fd = fd};
    epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: thread-pool <port> <threads> <cpu-us> <sleep-us>\n");
    return 2;
  }
  int threads = atoi(argv[2]);
  cpu_ns = atol(argv[3]) * 1000L;
  sleep_ns = atol(argv[4]) * 1000L;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, 4096) < 0) {
    perror("bind/listen");
    return 1;
  }
  epfd = epoll_create1(0);
  struct epoll_event lev = {.events = EPOLLIN, .data.fd = listener};
  epoll_ctl(epfd, EPOLL_CTL_ADD, listener, &lev);
  for (int i = 0; i < threads; i++) {
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
  }
  socklen_t len = sizeof addr;
  getsockname(listener, (struct sockaddr *)&addr, &len);
  printf("listening %d\n", ntohs(addr.sin_port));
  fflush(stdout);
  struct epoll_event events[256];
  for (;;) {
    int n = epoll_wait(epfd, events, 256, -1);
    for (int i = 0; i < n; i++) {
      int fd = events[i].data.fd;
      if (fd == listener) {
        int c = accept(listener, NULL, NULL);
        if (c < 0) continue;
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        struct epoll_event ev = {.events = EPOLLIN | EPOLLONESHOT, .data.fd = c};
        epoll_ctl(epfd, EPOLL_CTL_ADD, c, &ev);
        continue;
      }
      pthread_mutex_lock(&lock);
      queue[tail++ % 65536] = fd;
      pthread_cond_signal(&nonempty);
      pthread_mutex_unlock(&lock);
    }
  }
}
