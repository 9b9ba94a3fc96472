//! The queue of cold code (`Gen::cold`): closures the hot code queues,
//! emitted after it in order.
//!
//! They were a `Vec<Box<dyn FnOnce>>`: a heap block each, about 1,500 of
//! about 130 bytes for compile_cost.py's 200-line function, with a `free`
//! each after running. Here they are stored one after another in chunks of
//! 8-byte units, each after a one-unit header, which the thread keeps from
//! one compile to the next, so a later compile writes memory already
//! faulted in (a page fault costs microseconds on the VMs measured); a
//! chunk run to its end goes back at once, for the closures the running
//! ones queue. Chunks, not one growing buffer: a buffer sized up front by
//! an estimate faulted in pages it never used, and one that doubles copies
//! and faults in the copy.
//!
//! Units were 16 bytes, with a 16-byte header (the run function and the
//! size): for that function the queue's 1,481 closures took 229 KB, 57
//! fresh pages on a process's first long compile; 8-byte units and a
//! header of just the function (which also tells the size) save 16 bytes
//! a closure, a tenth.

use std::marker::PhantomData;
use std::mem::{align_of, size_of, MaybeUninit};

/// The buffer's unit: a closure starts at a unit, so its alignment may be
/// up to 8 (a larger one is boxed, `ColdQueue::push`).
#[derive(Clone, Copy)]
#[repr(C, align(8))]
struct Unit([MaybeUninit<u8>; 8]);

/// What `Header::run` does with the closure after the header.
enum Step<'g, G> {
    /// Nothing: it tells how many units the closure takes with its header.
    Units,
    /// Runs it on the `G`.
    Run(&'g mut G),
    /// Drops it.
    Drop,
}

/// The unit before each closure.
#[repr(C)]
struct Header<G> {
    /// Does a `Step` with the closure after the header; after `Run` or
    /// `Drop` it is moved out and must not be used again. Returns its
    /// units (`units::<F>`).
    run: unsafe fn(*mut Unit, Step<'_, G>) -> usize,
}

/// Units per chunk (64 KB).
const CHUNK: usize = 8192;

/// The units a closure `F` takes with its header.
const fn units<F>() -> usize {
    1 + size_of::<F>().div_ceil(size_of::<Unit>())
}

thread_local! {
    /// The chunks queues of this thread gave back (empty).
    static POOL: std::cell::Cell<Vec<Vec<Unit>>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Closures taking a `&mut G` and living for `'a`, run in the order queued.
pub struct ColdQueue<'a, G> {
    /// Full chunks, then the one being filled; each has `CHUNK` units of
    /// capacity, never reallocated.
    chunks: Vec<Vec<Unit>>,
    /// Where running (or dropping) has got to: chunk and unit.
    done: (usize, usize),
    /// Owns the closures (what they borrow outlives the queue).
    _owns: PhantomData<Box<dyn FnOnce(&mut G) + 'a>>,
}

impl<G> Default for ColdQueue<'_, G> {
    fn default() -> Self {
        ColdQueue {
            chunks: Vec::new(),
            done: (0, 0),
            _owns: PhantomData,
        }
    }
}

impl<'a, G: 'a> ColdQueue<'a, G> {
    /// An empty queue; its chunks come from the thread's spares.
    pub fn new() -> Self {
        Self::default()
    }

    /// Nothing queued (or everything run).
    pub fn is_empty(&self) -> bool {
        let (c, u) = self.done;
        self.chunks.len() <= c || (self.chunks.len() == c + 1 && self.chunks[c].len() <= u)
    }

    /// Queue `f`.
    #[inline]
    pub fn push<F: FnOnce(&mut G) + 'a>(&mut self, f: F) {
        const {
            assert!(size_of::<Header<G>>() == size_of::<Unit>());
        }
        let units = units::<F>();
        if align_of::<F>() > align_of::<Unit>() || units > CHUNK {
            return self.push_boxed(Box::new(f));
        }
        let chunk = self.chunk_with_room(units);
        let at = chunk.len();
        // SAFETY: `chunk_with_room` left room for `units` more units: the
        // header in the first (its size and alignment the unit's) and
        // `f` in the ones after it (its alignment checked above); `set_len`
        // then counts units whose bytes are written (padding aside, which
        // as `MaybeUninit` needs no initializing).
        unsafe {
            let p = chunk.as_mut_ptr().add(at);
            (p as *mut Header<G>).write(Header { run: step::<G, F> });
            (p.add(1) as *mut F).write(f);
            chunk.set_len(at + units);
        }
    }

    /// The chunk being filled, or a fresh one when it lacks room for
    /// `units` (the rest of it stays unused).
    #[inline]
    fn chunk_with_room(&mut self, units: usize) -> &mut Vec<Unit> {
        if self.chunks.last().is_none_or(|c| CHUNK - c.len() < units) {
            let spare = POOL.with(|p| {
                let mut pool = p.take();
                let c = pool.pop();
                p.set(pool);
                c
            });
            self.chunks
                .push(spare.unwrap_or_else(|| Vec::with_capacity(CHUNK)));
        }
        let last = self.chunks.len() - 1;
        &mut self.chunks[last]
    }

    /// A closure aligned beyond a unit (or larger than a chunk), queued
    /// through its box.
    #[cold]
    fn push_boxed(&mut self, f: Box<dyn FnOnce(&mut G) + 'a>) {
        self.push(move |g: &mut G| f(g));
    }

    /// Run the queued closures in order on `g` (whose own queue they may
    /// add to: not this one, which the caller took out of it).
    pub fn run(mut self, g: &mut G) {
        self.each(Some(g));
    }
}

impl<G> ColdQueue<'_, G> {
    /// Run (`Some`) or drop (`None`) the closures from `done` on.
    fn each(&mut self, mut g: Option<&mut G>) {
        while let Some(chunk) = self.chunks.get_mut(self.done.0) {
            if self.done.1 >= chunk.len() {
                // Every closure in it has been moved out: back to the
                // thread's spares now, where the closures being run queue
                // theirs.
                give_back(vec![std::mem::take(chunk)]);
                self.done = (self.done.0 + 1, 0);
                continue;
            }
            // SAFETY: `done` is at a header written by `push`, with its
            // closure in the units after it, not yet run: `done` moves
            // past it before it runs, so it is run once (and not dropped
            // by `drop` if it panics).
            unsafe {
                let p = chunk.as_mut_ptr().add(self.done.1);
                let h = (p as *const Header<G>).read();
                self.done.1 += (h.run)(p.add(1), Step::Units);
                match g.as_deref_mut() {
                    Some(g) => (h.run)(p.add(1), Step::Run(g)),
                    None => (h.run)(p.add(1), Step::Drop),
                };
            }
        }
    }
}

/// The units of the `F` at `p` with its header; for `Run` and `Drop`, move
/// it out first and run it on the `G`, or drop it.
///
/// # Safety
/// For `Run` and `Drop`, `p` holds an `F` written by `ColdQueue::push`, not
/// moved out yet.
unsafe fn step<G, F: FnOnce(&mut G)>(p: *mut Unit, step: Step<'_, G>) -> usize {
    match step {
        Step::Units => {}
        Step::Run(g) => {
            // SAFETY: as the caller promises; it is not read again.
            let f = unsafe { (p as *mut F).read() };
            f(g)
        }
        // SAFETY: as for `Run`.
        Step::Drop => drop(unsafe { (p as *mut F).read() }),
    }
    units::<F>()
}

/// Empty `chunks` (their closures moved out) to the thread's spares; the
/// ones a queue took already (no capacity) are dropped.
fn give_back(mut chunks: Vec<Vec<Unit>>) {
    chunks.retain_mut(|c| {
        // SAFETY: every closure has been moved out; the units left are
        // plain bytes.
        unsafe { c.set_len(0) };
        c.capacity() >= CHUNK
    });
    if chunks.is_empty() {
        return;
    }
    POOL.with(|p| {
        let mut pool = p.take();
        pool.append(&mut chunks);
        p.set(pool);
    });
}

impl<G> Drop for ColdQueue<'_, G> {
    fn drop(&mut self) {
        // Closures never run (a compile that stopped early) are dropped.
        self.each(None);
        give_back(std::mem::take(&mut self.chunks));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    /// A code generator's stand-in: what the closures do goes to `log`.
    #[derive(Default)]
    struct G {
        log: Vec<u32>,
        queue: ColdQueue<'static, G>,
    }

    impl G {
        /// Run the queue until nothing is queued (as `Gen::generate`).
        fn run_all(&mut self) {
            while !self.queue.is_empty() {
                let q = std::mem::take(&mut self.queue);
                q.run(self);
            }
        }
    }

    #[test]
    fn runs_in_order_including_what_runs_queue() {
        let mut g = G::default();
        let big = [7u64; 40];
        g.queue.push(|g: &mut G| g.log.push(1));
        g.queue.push(move |g: &mut G| {
            g.log.push(big.iter().sum::<u64>() as u32);
            g.queue.push(|g: &mut G| g.log.push(3));
        });
        #[repr(align(64))]
        struct Aligned(u32);
        let a = Aligned(4);
        g.queue.push(move |g: &mut G| g.log.push(a.0));
        g.run_all();
        assert_eq!(g.log, [1, 280, 4, 3]);
    }

    #[test]
    fn runs_over_many_chunks_reusing_them_for_what_runs_queue() {
        let mut g = G::default();
        let n = 3 * CHUNK as u32;
        for i in 0..n {
            let pad = [i as u64; 3];
            g.queue.push(move |g: &mut G| {
                g.log.push(pad[2] as u32);
                g.queue.push(move |g: &mut G| g.log.push(n + i));
            });
        }
        g.run_all();
        assert!(g.log.iter().copied().eq(0..2 * n));
    }

    #[test]
    fn drops_what_never_ran() {
        let rc = Rc::new(());
        let mut q = ColdQueue::<()>::new();
        for _ in 0..1000 {
            let r = rc.clone();
            q.push(move |_| drop(r));
        }
        assert_eq!(Rc::strong_count(&rc), 1001);
        drop(q);
        assert_eq!(Rc::strong_count(&rc), 1);
    }
}
