/*
 * A single-threaded blocking server: accept one connection, read one byte, sleep, answer one
 * byte, close. Nothing else runs while it sleeps, so connections beyond the first wait in the
 * kernel's accept queue (its length is the listen backlog).
 *
 *   blocking-accept <port> <backlog> <service-ms>     prints "listening <port>" once bound
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: blocking-accept <port> <backlog> <service-ms>\n");
    return 2;
  }
  int backlog = atoi(argv[2]);
  long service_ns = atol(argv[3]) * 1000000L;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, backlog) < 0) {
    perror("bind/listen");
    return 1;
  }
  socklen_t len = sizeof addr;
  getsockname(listener, (struct sockaddr *)&addr, &len);
  printf("listening %d\n", ntohs(addr.sin_port));
  fflush(stdout);
  for (;;) {
    int c = accept(listener, NULL, NULL);
    if (c < 0) continue;
    char byte;
    if (read(c, &byte, 1) == 1) {
      struct timespec pause = {.tv_sec = service_ns / 1000000000L, .tv_nsec = service_ns % 1000000000L};
      nanosleep(&pause, NULL);
      write(c, &byte, 1);
    }
    close(c);
  }
}
