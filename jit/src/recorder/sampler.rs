//! The sampling half of the recorder: a CPU-time timer on the VM thread
//! raises SIGPROF; the handler only notes what was running; the VM takes the
//! sample itself at its next instruction boundary or loop poll.
//!
//! Why not walk the stack in the handler, as vmprof does: the VM's frames
//! live in a `Vec` that a push may be reallocating at the moment the signal
//! lands, and the interpreter keeps the current pc in a register. So the
//! handler does the few async-signal-safe things it can (read the interrupted
//! instruction pointer, read which tier the runtime said it was in, bump a
//! counter) and sets a flag; the interpreter checks the flag once per
//! instruction while recording, and compiled loops check it at their
//! back-edge poll. A sample that lands in compiled code keeps its exact
//! position: the interrupted instruction pointer maps back to the bytecode
//! through the code's position table. Signals that arrive while the flag is
//! still set (a long builtin call) are counted, not lost: the sample taken
//! at the next boundary carries their weight.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};

use profile::Tier;

/// Set by the handler; cleared by the VM when it takes the sample. Beside
/// the Ctrl-C flag, for compiled code's poll (`interp::vm::Polled`).
pub static PENDING: &AtomicBool = &crate::interp::vm::POLLED.sample;
/// Timer expirations since the last sample taken.
static TICKS: AtomicU64 = AtomicU64::new(0);
/// Where the last signal interrupted the VM thread.
static RIP: AtomicU64 = AtomicU64::new(0);
/// Which tier the runtime said it was in at the last signal.
static SIGNAL_TIER: AtomicU8 = AtomicU8::new(0);
/// The tier the runtime is in now (written at tier changes while recording).
static TIER: AtomicU8 = AtomicU8::new(0);

pub fn tier_code(t: Tier) -> u8 {
    match t {
        Tier::Interpreter => 0,
        Tier::Jit => 1,
        Tier::Runtime => 2,
        Tier::Collector => 3,
        Tier::Compiler => 4,
    }
}

fn tier_of(code: u8) -> Tier {
    match code & !UNDER_JIT {
        1 => Tier::Jit,
        2 => Tier::Runtime,
        3 => Tier::Collector,
        4 => Tier::Compiler,
        _ => Tier::Interpreter,
    }
}

/// A bit of `TIER` set from entering compiled code until it returns, kept
/// through the tier changes below it (a builtin it calls, an instruction it
/// hands to the interpreter): allocations made then count as compiled
/// code's (`AllocSite::jit_count`). One byte for both, so entering compiled
/// code costs one load and one store.
const UNDER_JIT: u8 = 0x80;

/// Note a tier change; returns the tier it replaced, to restore afterwards.
///
/// A load and a store rather than `swap`: only the VM thread writes the
/// tier (the handler only reads it), and `swap` is a locked `xchg` that cost
/// more than the rest of a call's bookkeeping.
#[inline(always)]
pub fn enter_tier(t: Tier) -> u8 {
    let prev = TIER.load(Ordering::Relaxed);
    TIER.store(tier_code(t) | (prev & UNDER_JIT), Ordering::Relaxed);
    prev
}

/// Like `enter_tier`, but no longer under compiled code: for work compiled
/// code hands to the runtime exactly as the interpreter would do it (a direct
/// call's dispatch), whose nested interpreter loops keep their own pcs.
#[inline(always)]
pub fn enter_tier_outside_jit(t: Tier) -> u8 {
    let prev = TIER.load(Ordering::Relaxed);
    TIER.store(tier_code(t), Ordering::Relaxed);
    prev
}

/// Compiled code starts running (see `UNDER_JIT`); returns the tier to restore.
#[inline(always)]
pub fn enter_jit() -> u8 {
    let prev = TIER.load(Ordering::Relaxed);
    TIER.store(tier_code(Tier::Jit) | UNDER_JIT, Ordering::Relaxed);
    prev
}

/// Whether compiled code is running (itself, or below what runs now).
#[inline(always)]
pub fn under_jit() -> bool {
    TIER.load(Ordering::Relaxed) & UNDER_JIT != 0
}

#[inline(always)]
pub fn restore_tier(prev: u8) {
    TIER.store(prev, Ordering::Relaxed);
}

/// Where the flag lives, for compiled code's back-edge poll.
pub fn pending_flag() -> *const bool {
    PENDING.as_ptr() as *const bool
}

/// What a signal recorded, taken by the VM.
#[derive(Clone, Copy, Debug)]
pub struct Taken {
    pub weight: u64,
    pub rip: u64,
    pub tier: Tier,
}

/// Take the pending sample (None when another taker got it first).
#[inline]
pub fn take() -> Option<Taken> {
    PENDING.store(false, Ordering::Relaxed);
    let weight = TICKS.swap(0, Ordering::Relaxed);
    if weight == 0 {
        return None;
    }
    Some(Taken {
        weight,
        rip: RIP.load(Ordering::Relaxed),
        tier: tier_of(SIGNAL_TIER.load(Ordering::Relaxed)),
    })
}

extern "C" fn on_sigprof(_sig: libc::c_int, _info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // Only atomics and a read of the signal frame: async-signal-safe.
    if !ctx.is_null() {
        // SAFETY: the kernel passes a valid ucontext_t for SA_SIGINFO handlers;
        // REG_RIP indexes the saved general registers of the interrupted code.
        let rip = unsafe {
            let uc = &*(ctx as *const libc::ucontext_t);
            uc.uc_mcontext.gregs[libc::REG_RIP as usize] as u64
        };
        RIP.store(rip, Ordering::Relaxed);
    }
    SIGNAL_TIER.store(TIER.load(Ordering::Relaxed), Ordering::Relaxed);
    TICKS.fetch_add(1, Ordering::Relaxed);
    PENDING.store(true, Ordering::Relaxed);
}

/// The timer that drives sampling, deleted (and the handler reset) on drop.
pub struct Sampler {
    timer: libc::timer_t,
    pub interval_ns: u64,
}

impl Sampler {
    /// Start sampling at `hz` of wall-clock time, signalling the calling
    /// thread (the VM thread) only.
    ///
    /// Why wall-clock and not the thread's CPU clock: Linux checks CPU-time
    /// timers only at scheduler ticks (often 250 Hz), so a 1 kHz CPU timer
    /// fires at a quarter of the rate asked; CLOCK_MONOTONIC timers are
    /// high-resolution. Wall-clock samples also show time blocked in I/O
    /// and `time.sleep`, which is where a user's time went too.
    pub fn start(hz: u32) -> std::io::Result<Sampler> {
        let interval_ns = 1_000_000_000 / hz.max(1) as u64;
        TICKS.store(0, Ordering::Relaxed);
        PENDING.store(false, Ordering::Relaxed);
        TIER.store(0, Ordering::Relaxed);
        // SAFETY: a zeroed sigaction is a valid starting point; the handler
        // has the SA_SIGINFO signature; SA_RESTART keeps interrupted system
        // calls (reads, writes of the program's output) from failing with EINTR.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_sigprof as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            if libc::sigaction(libc::SIGPROF, &sa, std::ptr::null_mut()) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        // SAFETY: sigevent is plain data (zeroed, then the fields Linux reads
        // for SIGEV_THREAD_ID); timer_create writes the new timer id.
        let timer = unsafe {
            let mut sev: libc::sigevent = std::mem::zeroed();
            sev.sigev_notify = libc::SIGEV_THREAD_ID;
            sev.sigev_signo = libc::SIGPROF;
            sev.sigev_notify_thread_id = libc::gettid();
            let mut timer: libc::timer_t = std::mem::zeroed();
            if libc::timer_create(libc::CLOCK_MONOTONIC, &mut sev, &mut timer) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            timer
        };
        let ts = libc::timespec {
            tv_sec: (interval_ns / 1_000_000_000) as libc::time_t,
            tv_nsec: (interval_ns % 1_000_000_000) as libc::c_long,
        };
        let spec = libc::itimerspec {
            it_interval: ts,
            it_value: ts,
        };
        // SAFETY: `timer` was just created; `spec` is a valid itimerspec.
        if unsafe { libc::timer_settime(timer, 0, &spec, std::ptr::null_mut()) } != 0 {
            let e = std::io::Error::last_os_error();
            // SAFETY: deleting the timer created above.
            unsafe { libc::timer_delete(timer) };
            return Err(e);
        }
        Ok(Sampler { timer, interval_ns })
    }
}

impl Drop for Sampler {
    fn drop(&mut self) {
        // SAFETY: the timer is ours; after deleting it no further SIGPROF is
        // generated for it, and restoring the default disposition is safe
        // because none is pending from us (a late one is ignored, below).
        unsafe {
            libc::timer_delete(self.timer);
            libc::signal(libc::SIGPROF, libc::SIG_IGN);
        }
        PENDING.store(false, Ordering::Relaxed);
        TIER.store(0, Ordering::Relaxed);
    }
}

/// A tier entered for the length of a scope (restored on drop, early
/// returns included).
pub struct TierScope(u8);

impl TierScope {
    pub fn enter(t: Tier) -> TierScope {
        TierScope(enter_tier(t))
    }
}

impl Drop for TierScope {
    fn drop(&mut self) {
        restore_tier(self.0);
    }
}
