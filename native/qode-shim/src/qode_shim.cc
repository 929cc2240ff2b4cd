// qode shim: lets @nodegui/nodegui's nodegui_core.node run under plain Node.js.
//
// 1) Defines the three symbols nodegui_core imports from the `qode` executable (which we cannot
//    download here). Without them: "undefined symbol: _ZN4qode9qode_argvE".
// 2) Drives Qt's event dispatcher from libuv. Debian's Qt dispatches through GLib's default main
//    context, so each libuv turn we run GLib's prepare/query (which gives fds + a timeout), watch
//    those fds with uv_poll and arm a uv_timer, then check/dispatch after libuv has polled. No busy
//    polling: an idle window costs ~0.1 % CPU, against 2-3 % for setInterval(processEvents, 10).
#include <node_api.h>
#include <uv.h>
#include <dlfcn.h>
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <unordered_map>
#include <vector>

namespace qode {
int qode_argc = 1;
static char arg0[] = "qode";
static char* argv_store[] = {arg0, nullptr};
char** qode_argv = argv_store;
typedef int (*QodeCustomRunLoopFunc)();
static QodeCustomRunLoopFunc injectedRunLoop = nullptr;
void InjectCustomRunLoop(QodeCustomRunLoopFunc f) { injectedRunLoop = f; }
}  // namespace qode

namespace {

// The few GLib entry points we need, resolved with dlsym from the libglib Qt already loaded,
// so building the shim needs no GLib headers.
struct GPollFD {
  int fd;
  unsigned short events;
  unsigned short revents;
};
typedef struct _GMainContext GMainContext;
struct GlibApi {
  GMainContext* (*context_default)();
  int (*acquire)(GMainContext*);
  void (*release)(GMainContext*);
  int (*prepare)(GMainContext*, int*);
  int (*query)(GMainContext*, int, int*, GPollFD*, int);
  int (*check)(GMainContext*, int, GPollFD*, int);
  void (*dispatch)(GMainContext*);
} glib;

struct PollEntry {
  uv_poll_t handle;
  int events;  // what uv_poll watches now
  int want;    // what GLib asked for in this turn
};

struct LoopState {
  uv_loop_t* loop = nullptr;
  uv_prepare_t prepare;
  uv_check_t check;
  uv_timer_t timer;
  bool handlesInitialised = false;
  GMainContext* context = nullptr;
  std::vector<GPollFD> fds = std::vector<GPollFD>(16);
  std::vector<struct pollfd> pollBuffer;
  int nfds = 0;
  int maxPriority = 0;
  bool running = false;
  bool acquired = false;
  bool inCheck = false;
  unsigned long long dispatches = 0;
  std::unordered_map<int, PollEntry*> polls;
  // JS side: each N-API env (jest loads modules again in a fresh env) gets its own async context,
  // so Qt handlers run inside a Node callback scope and their nextTicks / promise jobs run at once.
  napi_env env = nullptr;
  napi_async_context asyncContext = nullptr;
  napi_ref resourceRef = nullptr;
} S;

int exitCode = 0;
bool exitHookAdded = false;

// Like qode, which calls exit() right after Qt's loop returns: never let Node's environment teardown
// run NodeGui's finalizers. They delete QObjects whose destroyed() signals call back into a JS
// engine that is shutting down -> Napi::Error -> std::terminate (exit code 134).
void onEnvCleanup(void*) {
  fflush(nullptr);
  _exit(exitCode);
}

void noopTimer(uv_timer_t*) {}
void noopPoll(uv_poll_t*, int, int) {}
void deletePollEntry(uv_handle_t* h) { delete reinterpret_cast<PollEntry*>(h); }

void onPrepare(uv_prepare_t*) {
  if (!glib.acquire(S.context)) return;  // another thread owns the context: leave it alone
  S.acquired = true;
  int ready = glib.prepare(S.context, &S.maxPriority);
  int timeout = -1;
  for (;;) {
    S.nfds = glib.query(S.context, S.maxPriority, &timeout, S.fds.data(), (int)S.fds.size());
    if (S.nfds <= (int)S.fds.size()) break;
    S.fds.resize(S.nfds);
  }
  for (auto& kv : S.polls) kv.second->want = 0;
  for (int i = 0; i < S.nfds; i++) {
    int ev = 0;
    if (S.fds[i].events & (POLLIN | POLLPRI | POLLHUP | POLLERR)) ev |= UV_READABLE;
    if (S.fds[i].events & POLLOUT) ev |= UV_WRITABLE;
    PollEntry*& e = S.polls[S.fds[i].fd];
    if (!e) {
      e = new PollEntry();
      e->events = 0;
      uv_poll_init(S.loop, &e->handle, S.fds[i].fd);
    }
    e->want |= ev;
  }
  for (auto it = S.polls.begin(); it != S.polls.end();) {
    PollEntry* e = it->second;
    if (!e->want) {
      uv_close(reinterpret_cast<uv_handle_t*>(&e->handle), deletePollEntry);
      it = S.polls.erase(it);
      continue;
    }
    if (e->want != e->events) {
      uv_poll_start(&e->handle, e->want, noopPoll);
      e->events = e->want;
    }
    ++it;
  }
  if (ready) timeout = 0;
  if (timeout >= 0) {
    uv_timer_start(&S.timer, noopTimer, (uint64_t)timeout, 0);
  } else {
    uv_timer_stop(&S.timer);
  }
}

void dispatchInCallbackScope() {
  napi_handle_scope hs;
  napi_open_handle_scope(S.env, &hs);
  napi_value resource;
  napi_get_reference_value(S.env, S.resourceRef, &resource);
  napi_callback_scope cs;
  bool scoped = napi_open_callback_scope(S.env, resource, S.asyncContext, &cs) == napi_ok;
  try {
    glib.dispatch(S.context);
  } catch (const std::exception& e) {
    fprintf(stderr, "qode-shim: exception from a Qt/JS handler: %s\n", e.what());
  } catch (...) {
    fprintf(stderr, "qode-shim: unknown C++ exception from a Qt/JS handler\n");
  }
  if (scoped) napi_close_callback_scope(S.env, cs);  // runs microtasks, which may call stop()
  napi_close_handle_scope(S.env, hs);
}

void onCheck(uv_check_t*) {
  if (!S.acquired) return;
  S.inCheck = true;
  // libuv already told us which fds woke it, but GLib wants revents for all of them: ask poll()
  // without waiting.
  S.pollBuffer.resize(S.nfds);
  for (int i = 0; i < S.nfds; i++) {
    S.pollBuffer[i].fd = S.fds[i].fd;
    S.pollBuffer[i].events = (short)S.fds[i].events;
    S.pollBuffer[i].revents = 0;
  }
  if (S.nfds) ::poll(S.pollBuffer.data(), S.nfds, 0);
  for (int i = 0; i < S.nfds; i++) S.fds[i].revents = (unsigned short)S.pollBuffer[i].revents;
  if (glib.check(S.context, S.maxPriority, S.fds.data(), S.nfds)) {
    S.dispatches++;
    dispatchInCallbackScope();
  }
  S.inCheck = false;
  if (S.acquired) {
    S.acquired = false;
    glib.release(S.context);
  }
}

bool loadGlib() {
  if (glib.context_default) return true;
  void* h = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_NOLOAD);
  if (!h) h = dlopen("libglib-2.0.so.0", RTLD_NOW);
  if (!h) return false;
  struct { void** slot; const char* name; } symbols[] = {
      {reinterpret_cast<void**>(&glib.context_default), "g_main_context_default"},
      {reinterpret_cast<void**>(&glib.acquire), "g_main_context_acquire"},
      {reinterpret_cast<void**>(&glib.release), "g_main_context_release"},
      {reinterpret_cast<void**>(&glib.prepare), "g_main_context_prepare"},
      {reinterpret_cast<void**>(&glib.query), "g_main_context_query"},
      {reinterpret_cast<void**>(&glib.check), "g_main_context_check"},
      {reinterpret_cast<void**>(&glib.dispatch), "g_main_context_dispatch"},
  };
  for (auto& s : symbols) {
    *s.slot = dlsym(h, s.name);
    if (!*s.slot) {
      glib.context_default = nullptr;
      return false;
    }
  }
  return true;
}

void bindEnv(napi_env env) {
  if (env == S.env && S.asyncContext) return;
  S.env = env;
  napi_value resource, name;
  napi_create_object(env, &resource);
  napi_create_reference(env, resource, 1, &S.resourceRef);
  napi_create_string_utf8(env, "QtEventDispatch", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, resource, name, &S.asyncContext);
}

napi_value Start(napi_env env, napi_callback_info) {
  if (!S.running && loadGlib()) {
    napi_get_uv_event_loop(env, &S.loop);
    bindEnv(env);
    S.context = glib.context_default();
    if (!S.handlesInitialised) {
      // Initialise once; stop() only stops them: re-initialising a live handle corrupts libuv's queue.
      uv_prepare_init(S.loop, &S.prepare);
      uv_check_init(S.loop, &S.check);
      uv_timer_init(S.loop, &S.timer);
      S.handlesInitialised = true;
    }
    uv_prepare_start(&S.prepare, onPrepare);
    uv_check_start(&S.check, onCheck);
    S.running = true;
  }
  napi_value result;
  napi_get_boolean(env, S.running, &result);
  return result;
}

napi_value Stop(napi_env env, napi_callback_info) {
  if (S.running) {
    uv_prepare_stop(&S.prepare);
    uv_check_stop(&S.check);
    uv_timer_stop(&S.timer);
    for (auto& kv : S.polls) uv_close(reinterpret_cast<uv_handle_t*>(&kv.second->handle), deletePollEntry);
    S.polls.clear();
    if (S.acquired && !S.inCheck) {  // inside onCheck the context is released there
      S.acquired = false;
      glib.release(S.context);
    }
    S.running = false;
  }
  return nullptr;
}

napi_value SetExitCode(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc >= 1) napi_get_value_int32(env, argv[0], &exitCode);
  if (!exitHookAdded) {
    napi_add_env_cleanup_hook(env, onEnvCleanup, nullptr);
    exitHookAdded = true;
  }
  return nullptr;
}

void setNumber(napi_env env, napi_value obj, const char* key, double value) {
  napi_value v;
  napi_create_double(env, value, &v);
  napi_set_named_property(env, obj, key, v);
}
void setBool(napi_env env, napi_value obj, const char* key, bool value) {
  napi_value v;
  napi_get_boolean(env, value, &v);
  napi_set_named_property(env, obj, key, v);
}

napi_value Stats(napi_env env, napi_callback_info) {
  napi_value o;
  napi_create_object(env, &o);
  setNumber(env, o, "dispatches", (double)S.dispatches);
  setNumber(env, o, "fds", (double)S.polls.size());
  setBool(env, o, "runLoopInjected", qode::injectedRunLoop != nullptr);
  setBool(env, o, "running", S.running);
  return o;
}

}  // namespace

NAPI_MODULE_INIT() {
  napi_property_descriptor d[] = {
      {"start", nullptr, Start, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"stop", nullptr, Stop, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"stats", nullptr, Stats, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setExitCode", nullptr, SetExitCode, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(d) / sizeof(d[0]), d);
  return exports;
}
