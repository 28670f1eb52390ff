-- wrk script for bench/run.sh.
--
-- done() prints one machine-readable line:
--   BENCH requests=N seconds=S rps=R p50_ms=.. p90_ms=.. p99_ms=.. p999_ms=.. max_ms=.. errors=E non2xx=M
--
-- BENCH_RATE_PER_THREAD=R (environment) paces each wrk thread to about R requests per
-- second, an approximation of wrk2's constant-rate mode: every request gets a send slot
-- 1/R apart and waits for it. If the server falls more than 50 ms behind, the backlog is
-- dropped rather than sent as a burst, so an overloaded server degrades to closed-loop
-- behaviour (the achieved rate, printed as rps, then shows it). wrk delays in whole
-- milliseconds, so at high rates requests leave in small bursts at millisecond edges.

local rate = tonumber(os.getenv("BENCH_RATE_PER_THREAD") or "0") or 0

if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clk_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local CLOCK_MONOTONIC = 1
  local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval = 1000 / rate
  local due = nil

  function delay()
    local t = now_ms()
    if due == nil or due < t - 50 then due = t end
    local slot = due
    due = due + interval
    local wait = slot - t
    if wait < 1 then return 0 end
    return math.floor(wait)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local function ms(us) return us / 1000 end
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f " ..
    "errors=%d non2xx=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency:percentile(99.9)), ms(latency.max),
    e.connect + e.read + e.write + e.timeout, e.status, summary.bytes))
end
