//! Why compiled code left its fast path: the one list of exit reasons.
//!
//! Every guard failure and every hand-over to the interpreter names one of these
//! reasons, the way YJIT generates its exit counters from one list: the counter
//! array, the names printed in listings and the profile, and the reason codes
//! passed to the runtime helpers all come from this macro, so they cannot drift
//! apart.

macro_rules! define_exits {
    ($( $(#[doc = $doc:expr])* $name:ident = $text:expr ),* $(,)?) => {
        /// A reason compiled code left its fast path.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u32)]
        pub enum ExitReason {
            $( $(#[doc = $doc])* $name ),*
        }

        impl ExitReason {
            /// Every reason, in code order.
            pub const ALL: &'static [ExitReason] = &[$(ExitReason::$name),*];

            /// The reason's short name, as the profile and listings print it.
            pub fn name(self) -> &'static str {
                match self { $(ExitReason::$name => $text),* }
            }

            pub fn from_code(code: u32) -> Option<ExitReason> {
                ExitReason::ALL.get(code as usize).copied()
            }
        }
    };
}

define_exits! {
    /// An arithmetic or comparison operand was neither int nor float.
    NotIntOrFloat = "operand not int/float",
    /// An int operation overflowed i64 (the result is a big int).
    IntOverflow = "int overflow",
    /// A branch condition was not a bool, int or None.
    CondNotBool = "condition not bool/int/float/None",
    /// The iterator of a `for` loop was not one compiled code advances
    /// inline (the listing's name for the `ForIter`'s slow path; a
    /// generator the loop cannot resume itself is counted as a frame
    /// change, `for_generator.rs`).
    IterNotFast = "iterator is a generator",
    /// A subscript whose container was not a list or tuple (a store: not a
    /// list), or whose index was not an int: the interpreter indexes.
    SubscrNotFast = "subscript not list/tuple[int]",
    /// A list or tuple index out of range (the interpreter raises IndexError),
    /// or a list in use elsewhere.
    IndexOutOfRange = "index out of range",
    /// `a, b = x` where `x` was not a tuple or list of exactly that length.
    UnpackNotFast = "unpack not tuple/list of that length",
    /// A global unbound in the module and not a cached builtin (the
    /// interpreter looks it up, or raises NameError).
    GlobalMiss = "global not in module/builtin cache",
    /// An instruction with no template: the interpreter runs it in place.
    Generic = "generic instruction",
    /// A call, return or yield: the interpreter owns frame changes.
    FrameChange = "call/return/yield",
    /// A loop back-edge found a pending collection or Ctrl-C.
    Safepoint = "safepoint (GC or signal)",
    /// The step run by the interpreter raised an exception.
    Exception = "exception raised",
    /// A loop local kept in a machine register (`regalloc.rs`) was found with
    /// another type: at the loop's entry, or written so by an instruction.
    RegType = "register local changed type",
    /// The global a compiled call of its function loads (`fib` in `fib`,
    /// `const_calls.rs`) no longer holds that function: the interpreter
    /// loads it and goes on.
    GlobalRebound = "global no longer the compiled-in function",
}

/// How a run of compiled code ended, packed into the u64 the code returns:
/// the kind in the high half, a bytecode position in the low half.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Continue in compiled code at this instruction (only between a helper and
    /// the code that called it).
    Continue(u32),
    /// Resume the interpreter at this instruction of the same frame.
    Resume(u32),
    /// An exception is pending in `Vm::jit_exc`; the frame's pc is synced.
    Error,
    /// A helper pushed a frame: the interpreter reloads the top frame.
    Left,
    /// The frame returns: the `Return`/`ReturnNone` at this instruction is
    /// next, the value in rcx:rdx. A direct call (`calls::jit_call`, or the
    /// call site itself: `gen_calls.rs`) finishes it without the interpreter;
    /// a frame the interpreter entered resumes there instead.
    Return(u32),
    /// A direct call's callee bailed: the top frame changed and the
    /// interpreter runs it from its stored pc (not compiled code, whose later
    /// instructions may rely on the guard that failed).
    LeftInterpreted,
}

pub const KIND_CONTINUE: u64 = 0;
pub const KIND_RESUME: u64 = 1;
pub const KIND_ERROR: u64 = 2;
pub const KIND_LEFT: u64 = 3;
/// The one kind with the top bit set: a direct caller tells a return from
/// every other outcome by the sign of rax (`gen_calls.rs`).
pub const KIND_RETURN: u64 = 0x8000_0000;
pub const KIND_LEFT_INTERPRETED: u64 = 5;

impl Outcome {
    pub fn encode(self) -> u64 {
        match self {
            Outcome::Continue(pc) => (KIND_CONTINUE << 32) | pc as u64,
            Outcome::Resume(pc) => (KIND_RESUME << 32) | pc as u64,
            Outcome::Error => KIND_ERROR << 32,
            Outcome::Left => KIND_LEFT << 32,
            Outcome::Return(pc) => (KIND_RETURN << 32) | pc as u64,
            Outcome::LeftInterpreted => KIND_LEFT_INTERPRETED << 32,
        }
    }

    pub fn decode(w: u64) -> Outcome {
        let pc = w as u32;
        match w >> 32 {
            KIND_CONTINUE => Outcome::Continue(pc),
            KIND_RESUME => Outcome::Resume(pc),
            KIND_ERROR => Outcome::Error,
            KIND_RETURN => Outcome::Return(pc),
            KIND_LEFT_INTERPRETED => Outcome::LeftInterpreted,
            _ => Outcome::Left,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_round_trip() {
        for o in [
            Outcome::Continue(7),
            Outcome::Resume(u32::MAX),
            Outcome::Error,
            Outcome::Left,
            Outcome::Return(3),
            Outcome::LeftInterpreted,
        ] {
            assert_eq!(Outcome::decode(o.encode()), o);
        }
    }

    #[test]
    fn reason_codes_are_indices() {
        for (i, r) in ExitReason::ALL.iter().enumerate() {
            assert_eq!(ExitReason::from_code(i as u32), Some(*r));
            assert!(!r.name().is_empty());
        }
    }
}
