/*
 * hello: a small HTTP service with Prometheus metrics, for slipway's examples and tests.
 *
 * Routes
 *   /         "hello from <VERSION>"; the only route that LATENCY_MS, LATENCY_JITTER_MS and
 *             ERROR_RATE apply to
 *   /healthz  liveness: "ok"
 *   /readyz   readiness: "ready"
 *   /metrics  Prometheus text format:
 *               http_requests_total{route,code}             counter
 *               http_request_duration_seconds{route}        histogram
 *               app_info{version}                           gauge, always 1
 *             Paths other than these are counted as route="other".
 *
 * Environment
 *   PORT               port to listen on (8080)
 *   BIND               IPv4 address to bind (127.0.0.1); 0.0.0.0 in a container with its own network
 *   VERSION            echoed in responses, the X-Version header and app_info (dev)
 *   LATENCY_MS         latency added to every / request (0)
 *   LATENCY_JITTER_MS  up to this much more, uniformly at random (0)
 *   ERROR_RATE         fraction of / requests answered 500, 0..1 (0)
 *
 * One thread per connection and one request per connection (Connection: close). SIGTERM and
 * SIGINT exit at once, also as PID 1 in a container. Build: ./build.sh (gcc -static).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { ROOT, HEALTHZ, READYZ, METRICS, OTHER, ROUTES };
static const char *const route_names[ROUTES] = {"/", "/healthz", "/readyz", "/metrics", "other"};
static const int codes[] = {200, 404, 405, 500};
#define CODES (sizeof codes / sizeof codes[0])
static const double buckets[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
#define BUCKETS (sizeof buckets / sizeof buckets[0])

static struct {
  const char *version;
  long latency_ms, jitter_ms;
  double error_rate;
} config;

static struct {
  pthread_mutex_t lock;
  uint64_t requests[ROUTES][CODES];
  uint64_t in_bucket[ROUTES][BUCKETS + 1]; /* per bucket, not cumulative; the last is +Inf */
  uint64_t count[ROUTES];
  double sum[ROUTES];
  uint64_t random_state;
} stats = {.lock = PTHREAD_MUTEX_INITIALIZER};

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/* A uniform number in [0, 1) from a xorshift generator; good enough for fault injection. */
static double uniform(void) {
  pthread_mutex_lock(&stats.lock);
  uint64_t x = stats.random_state;
  x ^= x << 13, x ^= x >> 7, x ^= x << 17;
  stats.random_state = x;
  pthread_mutex_unlock(&stats.lock);
  return (x >> 11) * (1.0 / 9007199254740992.0);
}

static void sleep_ms(double ms) {
  struct timespec t = {.tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms * 1e6) % 1000000000L};
  while (nanosleep(&t, &t) != 0) {
  }
}

static void record(int route, int code, double seconds) {
  size_t c = 0, b = 0;
  while (c < CODES - 1 && codes[c] != code) c++;
  while (b < BUCKETS && seconds > buckets[b]) b++;
  pthread_mutex_lock(&stats.lock);
  stats.requests[route][c]++;
  stats.in_bucket[route][b]++;
  stats.count[route]++;
  stats.sum[route] += seconds;
  pthread_mutex_unlock(&stats.lock);
}

/* A label value with \, " and newline escaped, as the text format requires. */
static void put_label_value(FILE *out, const char *value) {
  for (; *value; value++) {
    if (*value == '\\' || *value == '"') fputc('\\', out);
    if (*value == '\n') fputs("\\n", out);
    else fputc(*value, out);
  }
}

static void write_metrics(FILE *out) {
  fputs("# HELP app_info The version of hello that runs.\n# TYPE app_info gauge\n"
        "app_info{version=\"", out);
  put_label_value(out, config.version);
  fputs("\"} 1\n", out);
  pthread_mutex_lock(&stats.lock);
  fputs("# HELP http_requests_total HTTP requests served, by route and status code.\n"
        "# TYPE http_requests_total counter\n", out);
  for (int r = 0; r < ROUTES; r++)
    for (size_t c = 0; c < CODES; c++) {
      /* / always has its 200 and 500 series, so error ratios have data before the first error. */
      int always = r == ROOT && (codes[c] == 200 || codes[c] == 500);
      if (stats.requests[r][c] || always)
        fprintf(out, "http_requests_total{route=\"%s\",code=\"%d\"} %llu\n", route_names[r],
                codes[c], (unsigned long long)stats.requests[r][c]);
    }
  fputs("# HELP http_request_duration_seconds Time to serve an HTTP request, by route.\n"
        "# TYPE http_request_duration_seconds histogram\n", out);
  for (int r = 0; r < ROUTES; r++) {
    if (!stats.count[r] && r != ROOT) continue;
    uint64_t cumulative = 0;
    for (size_t b = 0; b <= BUCKETS; b++) {
      cumulative += stats.in_bucket[r][b];
      fprintf(out, "http_request_duration_seconds_bucket{route=\"%s\",le=\"", route_names[r]);
      if (b < BUCKETS) fprintf(out, "%g", buckets[b]);
      else fputs("+Inf", out);
      fprintf(out, "\"} %llu\n", (unsigned long long)cumulative);
    }
    fprintf(out, "http_request_duration_seconds_sum{route=\"%s\"} %.9g\n", route_names[r],
            stats.sum[r]);
    fprintf(out, "http_request_duration_seconds_count{route=\"%s\"} %llu\n", route_names[r],
            (unsigned long long)stats.count[r]);
  }
  pthread_mutex_unlock(&stats.lock);
}

static int route_of(const char *path) {
  for (int r = 0; r < OTHER; r++)
    if (strcmp(path, route_names[r]) == 0) return r;
  return OTHER;
}

static const char *reason(int code) {
  switch (code) {
  case 200: return "OK";
  case 404: return "Not Found";
  case 405: return "Method Not Allowed";
  default: return "Internal Server Error";
  }
}

static void send_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
    if (n <= 0) return;
    data += n, len -= (size_t)n;
  }
}

/* Reads one request (line and headers; a body is ignored) and answers it. */
static void *serve(void *arg) {
  int fd = (int)(intptr_t)arg;
  double start = now();
  char request[8192];
  size_t len = 0;
  while (len < sizeof request - 1) {
    ssize_t n = recv(fd, request + len, sizeof request - 1 - len, 0);
    if (n <= 0) break;
    len += (size_t)n;
    request[len] = '\0';
    if (strstr(request, "\r\n\r\n") || strstr(request, "\n\n")) break;
  }
  request[len] = '\0';
  char method[16], path[2048];
  if (sscanf(request, "%15s %2047s", method, path) != 2) {
    close(fd);
    return NULL;
  }
  path[strcspn(path, "?#")] = '\0';

  int route = route_of(path), code = 200, head = strcmp(method, "HEAD") == 0;
  const char *type = "text/plain; charset=utf-8";
  char *body = NULL;
  size_t body_len = 0;
  FILE *out = open_memstream(&body, &body_len);
  if (!head && strcmp(method, "GET") != 0) {
    code = 405;
    fputs("method not allowed\n", out);
  } else if (route == ROOT) {
    double latency = config.latency_ms + config.jitter_ms * uniform();
    if (latency > 0) sleep_ms(latency);
    code = uniform() < config.error_rate ? 500 : 200;
    fprintf(out, "%s from %s\n", code == 200 ? "hello" : "error", config.version);
  } else if (route == HEALTHZ) {
    fputs("ok\n", out);
  } else if (route == READYZ) {
    fputs("ready\n", out);
  } else if (route == METRICS) {
    type = "text/plain; version=0.0.4; charset=utf-8";
    write_metrics(out);
  } else {
    code = 404;
    fputs("not found\n", out);
  }
  fclose(out);
  /* Counted before it is sent: a client that has the answer finds it in /metrics. */
  record(route, code, now() - start);

  char header[512];
  int header_len = snprintf(header, sizeof header,
                            "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                            "X-Version: %s\r\nConnection: close\r\n\r\n",
                            code, reason(code), type, body_len, config.version);
  send_all(fd, header, (size_t)header_len < sizeof header ? (size_t)header_len : sizeof header - 1);
  if (!head) send_all(fd, body, body_len);
  free(body);
  shutdown(fd, SHUT_WR);
  close(fd);
  return NULL;
}

static double number_from_env(const char *name, double fallback, double min, double max) {
  const char *text = getenv(name);
  if (!text || !*text) return fallback;
  char *end;
  double value = strtod(text, &end);
  if (*end || value < min || value > max) {
    fprintf(stderr, "hello: %s must be a number from %g to %g, got \"%s\"\n", name, min, max, text);
    exit(2);
  }
  return value;
}

static void on_signal(int signal) {
  (void)signal;
  _exit(0);
}

int main(void) {
  const char *bind_address = getenv("BIND") && *getenv("BIND") ? getenv("BIND") : "127.0.0.1";
  int port = (int)number_from_env("PORT", 8080, 1, 65535);
  config.version = getenv("VERSION") && *getenv("VERSION") ? getenv("VERSION") : "dev";
  config.latency_ms = (long)number_from_env("LATENCY_MS", 0, 0, 600000);
  config.jitter_ms = (long)number_from_env("LATENCY_JITTER_MS", 0, 0, 600000);
  config.error_rate = number_from_env("ERROR_RATE", 0, 0, 1);
  stats.random_state = ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid() ^ 0x9e3779b97f4a7c15ULL;
  signal(SIGTERM, on_signal);
  signal(SIGINT, on_signal);

  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  if (inet_pton(AF_INET, bind_address, &address.sin_addr) != 1) {
    fprintf(stderr, "hello: BIND must be an IPv4 address, got \"%s\"\n", bind_address);
    return 2;
  }
  int listener = socket(AF_INET, SOCK_STREAM, 0), yes = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 128)) {
    fprintf(stderr, "hello: cannot listen on %s:%d: %m\n", bind_address, port);
    return 1;
  }
  fprintf(stderr, "hello %s listening on http://%s:%d\n", config.version, bind_address, port);

  pthread_attr_t detached;
  pthread_attr_init(&detached);
  pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&detached, 256 * 1024);
  for (;;) {
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) continue;
    struct timeval timeout = {.tv_sec = 10}; /* a client that sends nothing does not hold a thread */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    pthread_t thread;
    if (pthread_create(&thread, &detached, serve, (void *)(intptr_t)fd) != 0) close(fd);
  }
}
