//! The sampling half of the recorder: a CPU-time timer on the VM thread
//! raises SIGPROF; the handler only notes what was running; the VM takes the
//! sample itself at its next poll.
//!
//! Why not walk the stack in the handler, as vmprof does: the VM's frames
//! live in a `Vec` that a push may be reallocating at the moment the signal
//! lands, and the interpreter keeps the current pc in a register. So the
//! handler does the few async-signal-safe things it can (read the interrupted
//! instruction pointer, read which tier the runtime said it was in, read the
//! interpreter's current instruction, bump a counter) and sets a flag.
//!
//! Where the flag is polled: the interpreter polls at frame pushes and pops
//! (calls, returns, yields, unwinds), loop back-edges and compiled code's
//! exits, not at every instruction (a test per instruction was a tenth of
//! the recording hook's cost); compiled loops poll at their back-edges.
//! Between a signal and the poll that takes it no frame is pushed or popped,
//! so the stack at the poll is the stack at the signal, and the line is
//! exact: the interpreter writes its current instruction to a word of the
//! VM before running it (`watch_position`), and the handler keeps what that
//! word said. A sample that lands in compiled code keeps its exact
//! position: the interrupted instruction pointer maps back to the bytecode
//! through the code's position table. Signals that arrive while the flag is
//! still set (a long builtin call) are counted, not lost: the sample taken
//! at the next poll carries their weight.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};

use profile::Tier;

/// Set by the handler; cleared by the VM when it takes the sample. Beside
/// the Ctrl-C flag, for compiled code's poll (`interp::vm::Polled`).
pub static PENDING: &AtomicBool = &crate::interp::vm::POLLED.sample;
/// Timer expirations since the last sample taken.
static TICKS: AtomicU64 = AtomicU64::new(0);
/// Where the last signal interrupted the VM thread.
static RIP: AtomicU64 = AtomicU64::new(0);
/// Return addresses into compiled code found on the stack at the last
/// signal, nearest first (0: none); see `scan_for_jit_callers`.
static CALLERS: [AtomicU64; CALLER_SLOTS] = [const { AtomicU64::new(0) }; CALLER_SLOTS];
const CALLER_SLOTS: usize = 16;
/// Lowest start and highest end of all compiled code, for the handler's
/// stack scan (a superset: the VM checks candidates against its code).
static JIT_LO: AtomicU64 = AtomicU64::new(u64::MAX);
static JIT_HI: AtomicU64 = AtomicU64::new(0);
/// The VM thread's stack, `[STACK_LO, STACK_HI)`; both 0: unknown. The
/// handler reads only inside it.
static STACK_LO: AtomicU64 = AtomicU64::new(0);
static STACK_HI: AtomicU64 = AtomicU64::new(0);
/// How far up the stack the handler looks for a return address into
/// compiled code: 32 KiB, well past the frames of any runtime helper.
const SCAN_WORDS: u64 = 4096;
/// How far it looks when the signal interrupted compiled code itself: the
/// position comes from the interrupted address then, and a return address
/// is needed only in the shared code after the hot code, whose caller's
/// is the word at the stack pointer or the one above it (`Vm::take_sample`).
/// The full scan read 32 KiB of stack per sample for nothing (raytrace's
/// stacks hold few return addresses into compiled code), evicting as much
/// of the program's data from the level-1 cache: on_sigprof was 2.2% of
/// raytrace's time sampled at 10 kHz.
const NEAR_WORDS: u64 = 16;
/// The address of the word in which the interpreter keeps its current
/// instruction (`Vm::rec_at`; 0: none), and what that word held at the last
/// signal.
static POSITION_WORD: AtomicU64 = AtomicU64::new(0);
static SIGNAL_POSITION: AtomicU64 = AtomicU64::new(0);
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

/// Like `enter_tier`, but no longer under compiled code: for an interpreter
/// loop the runtime starts (`Vm::run_loop`), also below compiled code (a
/// builtin it called resuming a generator), whose allocations are the
/// interpreter's.
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

/// Whether the tier now is `t`, under compiled code or not (for assertions).
pub fn tier_is(t: Tier) -> bool {
    TIER.load(Ordering::Relaxed) & !UNDER_JIT == tier_code(t)
}

/// Compiled code now occupies `[start, end)`.
pub fn note_jit_code(start: u64, end: u64) {
    JIT_LO.fetch_min(start, Ordering::Relaxed);
    JIT_HI.fetch_max(end, Ordering::Relaxed);
}

/// The calling thread's stack as `(lowest, highest)` addresses, or zeros if
/// the system will not say.
fn stack_bounds() -> (u64, u64) {
    // SAFETY: pthread_getattr_np fills the zeroed attr for the calling
    // thread; pthread_attr_getstack reads it; the attr is destroyed after.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return (0, 0);
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if ok {
            (addr as u64, addr as u64 + size as u64)
        } else {
            (0, 0)
        }
    }
}

/// The handler is to keep, with each signal, what the word at `word` holds:
/// the interpreter's current instruction (`Taken::position`).
///
/// # Safety
/// `word` must stay valid to read, on the VM thread, until this `Sampler`
/// is dropped (which stops the handler reading it) or `watch_position` is
/// called again.
pub unsafe fn watch_position<T>(word: *const *const T) {
    POSITION_WORD.store(word as u64, Ordering::Relaxed);
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
    /// What the interpreter's position word (`watch_position`) held when
    /// the signal landed: the recorder's entry of the instruction it was
    /// running, as an address (0: none).
    pub position: u64,
    /// When the signal landed outside compiled code: return addresses into
    /// compiled code found on the stack, nearest first (0: none). The first
    /// one that is really a call site says which compiled function called
    /// the runtime helper that was running.
    pub callers: [u64; CALLER_SLOTS],
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
        position: SIGNAL_POSITION.load(Ordering::Relaxed),
        tier: tier_of(SIGNAL_TIER.load(Ordering::Relaxed)),
        callers: std::array::from_fn(|i| CALLERS[i].load(Ordering::Relaxed)),
    })
}

/// Look up the stack from `rsp` for words that point into compiled code:
/// return addresses of the compiled functions below a runtime helper.
///
/// Why scan rather than follow frame pointers: the runtime is Rust built
/// without frame pointers, so the chain from a helper back to the compiled
/// code that called it is not there to follow. The words above the
/// interrupted stack pointer are the live frames; the first word pointing
/// into compiled code is almost always the return address of the call
/// that entered the runtime. The VM checks each candidate against the
/// compiled code it knows, and ignores ones that are not in it.
///
/// Async-signal-safe: plain reads of the interrupted thread's own stack,
/// bounded by the stack's top, and atomic stores.
fn scan_for_jit_callers(rsp: u64, words: u64) {
    let (lo, hi, bottom, top) = (
        JIT_LO.load(Ordering::Relaxed),
        JIT_HI.load(Ordering::Relaxed),
        STACK_LO.load(Ordering::Relaxed),
        STACK_HI.load(Ordering::Relaxed),
    );
    let mut found = 0;
    if lo < hi && bottom <= rsp && rsp < top && rsp % 8 == 0 {
        let end = top.min(rsp.saturating_add(words * 8));
        let mut at = rsp;
        while at + 8 <= end && found < CALLER_SLOTS {
            // SAFETY: rsp is inside the VM thread's stack (checked above),
            // so [rsp, top) is its live part, mapped and readable; `at` is
            // 8-aligned and below `top`.
            let w = unsafe { std::ptr::read_volatile(at as *const u64) };
            if w >= lo && w < hi {
                CALLERS[found].store(w, Ordering::Relaxed);
                found += 1;
            }
            at += 8;
        }
    }
    for slot in &CALLERS[found..] {
        slot.store(0, Ordering::Relaxed);
    }
}

extern "C" fn on_sigprof(_sig: libc::c_int, _info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // Only atomics and a read of the signal frame: async-signal-safe.
    if !ctx.is_null() {
        // SAFETY: the kernel passes a valid ucontext_t for SA_SIGINFO handlers;
        // REG_RIP indexes the saved general registers of the interrupted code.
        let (rip, rsp) = unsafe {
            let uc = &*(ctx as *const libc::ucontext_t);
            (
                uc.uc_mcontext.gregs[libc::REG_RIP as usize] as u64,
                uc.uc_mcontext.gregs[libc::REG_RSP as usize] as u64,
            )
        };
        RIP.store(rip, Ordering::Relaxed);
        // Only a signal in compiled code's own tier can need the callers
        // (the VM uses them when `rip` is not in compiled code): not one in
        // a builtin or a dispatch it called, whose samples the VM takes
        // before the call returns, with the stack as it was.
        if TIER.load(Ordering::Relaxed) == tier_code(Tier::Jit) | UNDER_JIT {
            let in_code =
                JIT_LO.load(Ordering::Relaxed) <= rip && rip < JIT_HI.load(Ordering::Relaxed);
            scan_for_jit_callers(rsp, if in_code { NEAR_WORDS } else { SCAN_WORDS });
        } else {
            CALLERS[0].store(0, Ordering::Relaxed);
        }
    }
    let word = POSITION_WORD.load(Ordering::Relaxed);
    let position = if word == 0 {
        0
    } else {
        // SAFETY: `watch_position`'s caller keeps the word valid until the
        // sampler stops; the handler runs on the VM thread (the timer
        // signals that thread only), so the word is not being freed under
        // it. The word is a pointer field, written with aligned 8-byte
        // stores (the per-instruction one volatile, so never elided or
        // deferred), so this aligned volatile read sees the value before a
        // store or the one after, never a mix: one plain load,
        // async-signal-safe.
        unsafe { std::ptr::read_volatile(word as *const u64) }
    };
    SIGNAL_POSITION.store(position, Ordering::Relaxed);
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
        POSITION_WORD.store(0, Ordering::Relaxed);
        let (bottom, top) = stack_bounds();
        STACK_LO.store(bottom, Ordering::Relaxed);
        STACK_HI.store(top, Ordering::Relaxed);
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
        // First: the word may go with the VM once the sampler has gone, and
        // no handler runs past this store (it runs on this thread).
        POSITION_WORD.store(0, Ordering::Relaxed);
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
