//! Call frames. A frame's registers are a window of the VM's register stack
//! starting at `base`; the frame itself only records where it is.

use crate::bytecode::code::Code;
use crate::runtime::heap::Gc;
use crate::runtime::object::{FunctionObj, GeneratorObj, ListObj};

/// Where a drained generator's items go. Rooted by the builtin draining it.
#[derive(Clone, Copy)]
pub enum Sink {
    List(Gc<ListObj>),
    /// A set or frozenset being built: items are added as they come, so an
    /// unhashable one stops the generator where CPython's would.
    Set(crate::runtime::value::Value),
}

/// For a frame running an operator's special method (`a + b` calling
/// `A.__add__`): the operation, so that a NotImplemented return goes on
/// with the rest of the operator protocol from `stage` (see
/// `Vm::binary_dunder_step`).
#[derive(Clone, Copy)]
pub struct OpResume {
    pub op: crate::interp::ops::BinOp,
    pub stage: u8,
    pub a: crate::runtime::value::Value,
    pub b: crate::runtime::value::Value,
}

pub struct Frame {
    pub func: Gc<FunctionObj>,
    code: *const Code,
    pub base: usize,
    /// Index of the next instruction (valid while the frame is not on top).
    pub pc: usize,
    /// Absolute stack slot that receives the return value.
    pub ret_slot: usize,
    /// Length of the VM's handled-exception stack when this frame started.
    pub handled_base: usize,
    /// The generator this frame runs, when it is a generator frame.
    pub generator: Option<Gc<GeneratorObj>>,
    /// For a generator frame a `for` loop resumed in the same interpreter
    /// loop: the loop's exit, where the consumer continues when the
    /// generator returns (its yields go to `ret_slot`).
    pub gen_exit: Option<u32>,
    /// For a generator frame a builtin is draining (`list(gen)`,
    /// `set(x for x in ...)`): its yields go to this sink and the frame runs
    /// on, instead of suspending and resuming once per item (see
    /// `Vm::collect_generator`).
    pub collect: Option<Sink>,
    /// Returning from this frame leaves the interpreter loop that entered it.
    pub entry: bool,
    /// Set for an `__init__` frame run by a class call: the instance, which
    /// the call returns instead of `__init__`'s None.
    pub construct: Option<crate::runtime::value::Value>,
    /// Set for a frame an operator pushed (see `OpResume`).
    pub binop: Option<OpResume>,
    /// Recording: the caller edge this frame's call was counted on (null:
    /// not counted), which its return uncounts (see `recorder::calls`);
    /// tagged `calls::FAST_TAG` when there is nothing to uncount (the
    /// self-recursion path). Compiled code pops a frame leaving it in the
    /// slot (`jit/gen_rec_calls.rs`): every push while recording writes it
    /// before anything reads it (`Frame::new`, or the compiled push's
    /// counting), and without a recorder it is never set.
    pub rec_edge: *const crate::recorder::calls::Edge,
}

impl Frame {
    /// Byte offset of the code pointer (private: always `func`'s code), for
    /// compiled code that pushes frames itself (`jit/direct_site.rs`).
    pub(crate) const CODE_OFFSET: usize = std::mem::offset_of!(Frame, code);

    pub fn new(
        func: Gc<FunctionObj>,
        base: usize,
        ret_slot: usize,
        handled_base: usize,
        entry: bool,
    ) -> Frame {
        let code: *const Code = &*func.code;
        Frame {
            func,
            code,
            base,
            pc: 0,
            ret_slot,
            handled_base,
            generator: None,
            gen_exit: None,
            collect: None,
            entry,
            construct: None,
            binop: None,
            rec_edge: std::ptr::null(),
        }
    }

    /// Give the frame slot at `p` the empty values `Frame::new` gives the
    /// optional fields (generator, sink, class-call instance, ...), leaving
    /// the others as they are: what compiled code's inline push relies on
    /// finding in every spare slot of the VM's frame vector, so that it
    /// writes only the six words it sets (`Vm::frames_pop`,
    /// `jit/direct_site.rs`). Every field but those six must be here.
    ///
    /// # Safety
    /// `p` is valid for writes of a `Frame` and aligned; whatever the
    /// fields held is overwritten, not dropped (none needs dropping).
    #[inline]
    pub(crate) unsafe fn clear_optional(p: *mut Frame) {
        use std::ptr::addr_of_mut;
        // SAFETY: the caller's guarantee; each write is one field's.
        unsafe {
            addr_of_mut!((*p).generator).write(None);
            addr_of_mut!((*p).gen_exit).write(None);
            addr_of_mut!((*p).collect).write(None);
            addr_of_mut!((*p).entry).write(false);
            addr_of_mut!((*p).construct).write(None);
            addr_of_mut!((*p).binop).write(None);
            addr_of_mut!((*p).rec_edge).write(std::ptr::null());
        }
    }

    #[inline]
    pub fn code(&self) -> &Code {
        // SAFETY: `code` points into the Rc<Code> owned by `func`, and `func` is
        // kept alive by the collector for as long as the frame exists (frames are
        // roots).
        unsafe { &*self.code }
    }

    #[inline]
    pub fn code_ptr(&self) -> *const Code {
        self.code
    }
}
