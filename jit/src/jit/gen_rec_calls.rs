//! Recording: counting an inline direct call (`gen_calls.rs`) as the
//! interpreter's frame push and pop count theirs, in the call sequence.
//!
//! With sampled timing (the default) the counts are cProfile's calls,
//! primitive calls and per-caller edges, kept by `recorder::calls`. The
//! emitted code does what its common case does, with loads and stores on
//! the recorder's `CallTimes` at the offsets `recorder::calls::inline`
//! publishes (that module says what compiled code relies on):
//!
//! - enter: when the recorder's innermost activation is the caller the site
//!   entry remembers (`DirectEntry::rec_caller`) and its activation stack has room:
//!   count the callee and the (caller, callee) edge (calls, and a recursive
//!   call when an activation of it is already running), push the
//!   activation, make it the innermost; anything else calls
//!   `jit_rec_enter_site`, which counts the call as the interpreter does and
//!   tells the site its (caller, callee, edge) for the next time;
//! - leave: uncount the innermost activation and pop it (`leave_counted`).
//!
//! Exact timing reads the clock at each call and return: the hooks do it.
//! Samples still see every frame (the VM's frames are pushed as before) and
//! the recorder's activation stack is the interpreter's, so they place
//! builtins as before.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::Gen;
use crate::interp::vm::Vm;
use crate::jit::direct;
use crate::jit::direct_site::{frame_layout, DirectEntry};
use crate::recorder::calls::inline;

impl<'a> Gen<'a> {
    /// After the inline push, before the callee runs: count the call. r8
    /// holds the site's entry for the callee; r8-r10 are kept.
    pub(super) fn rec_call_enter(&mut self, pc: u32) {
        let l = *frame_layout();
        let c = *inline::layout();
        let k = l.rec_calls;
        let (hook, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        let f = jit_rec_enter_site as *const () as i64;
        self.comment(format_args!("recording: count the call inline"));
        asm!(self.ops
            ; mov rax, [r12 + l.rec]
            ; test rax, rax
            ; jz =>done
            ; cmp BYTE [rax + l.rec_exact], 0
            ; jne =>hook
            ; mov ecx, [rax + k + c.top_func]
            ; cmp rcx, [r8 + l.site_rec_caller]
            ; jne =>hook
            ; mov rdx, [rax + k + c.stack_len]
            ; cmp rdx, [rax + k + c.stack_cap]
            ; jae =>hook
            // The callee's counts, then the edge's: a call, recursive when
            // already active.
            ; mov rdi, [rax + k + c.funcs_ptr]
            ; add rdi, [r8 + l.site_rec_func_off]
            ; add QWORD [rdi + c.func_calls], 1
            ; xor ecx, ecx
            ; cmp DWORD [rdi + c.func_active], 0
            ; setne cl
            ; add [rdi + c.func_recursive], rcx
            ; add DWORD [rdi + c.func_active], 1
            ; mov rdi, [rax + k + c.edges_ptr]
            ; add rdi, [r8 + l.site_rec_edge_off]
            ; add QWORD [rdi + c.edge_calls], 1
            ; xor ecx, ecx
            ; cmp DWORD [rdi + c.edge_active], 0
            ; setne cl
            ; add [rdi + c.edge_recursive], rcx
            ; add DWORD [rdi + c.edge_active], 1
            // Push the activation and make it the innermost.
            ; imul rsi, rdx, c.act_size
            ; add rsi, [rax + k + c.stack_ptr]
            ; mov ecx, [r8 + l.site_rec_func]
            ; mov [rsi + c.act_func], ecx
            ; mov [rax + k + c.top_func], ecx
            ; mov ecx, [r8 + l.site_rec_edge]
            ; mov [rsi + c.act_edge], ecx
            ; mov [rax + k + c.top_edge], ecx
            ; mov QWORD [rsi + c.act_start], 0
            ; mov QWORD [rsi + c.act_child], 0
            ; inc rdx
            ; mov [rax + k + c.stack_len], rdx
            // As `Vm::rec_enter`: allocations before the callee's first
            // instruction take its frame's pc.
            ; mov QWORD [r12 + l.rec_at0], -1
            ; =>done
        );
        self.cold(move |g| {
            g.comment(format_args!(
                "pc {pc}: recording: count the call in the recorder"
            ));
            asm!(g.ops
                ; =>hook
                // Four pushes keep the stack 16-byte aligned for the call.
                ; push r8
                ; push r9
                ; push r10
                ; push r10
                ; mov rdi, r12
                ; mov rsi, r8
                ; mov rax, QWORD f
                ; call rax
                ; pop r10
                ; pop r10
                ; pop r9
                ; pop r8
                ; jmp =>done
            );
        });
    }

    /// The inline call returned, before its frame is popped: uncount it,
    /// as `CallTimes::leave_counted` does.
    pub(super) fn rec_call_leave(&mut self, pc: u32) {
        let l = *frame_layout();
        let c = *inline::layout();
        let k = l.rec_calls;
        let (hook, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        let f = direct::jit_rec_leave as *const () as i64;
        self.comment(format_args!("recording: uncount the call inline"));
        asm!(self.ops
            ; mov rax, [r12 + l.rec]
            ; test rax, rax
            ; jz =>done
            ; cmp BYTE [rax + l.rec_exact], 0
            ; jne =>hook
            ; mov rdx, [rax + k + c.stack_len]
            ; test rdx, rdx
            ; jz =>done
            ; mov ecx, [rax + k + c.top_func]
            ; imul rcx, rcx, c.func_size
            ; add rcx, [rax + k + c.funcs_ptr]
            ; sub DWORD [rcx + c.func_active], 1
            ; mov ecx, [rax + k + c.top_edge]
            ; cmp ecx, c.no_edge as i32
            ; je >no_edge
            ; imul rcx, rcx, c.edge_size
            ; add rcx, [rax + k + c.edges_ptr]
            ; sub DWORD [rcx + c.edge_active], 1
            ; no_edge:
            ; dec rdx
            ; mov [rax + k + c.stack_len], rdx
            ; test rdx, rdx
            ; jz >empty
            // The activation below becomes the innermost.
            ; imul rsi, rdx, c.act_size
            ; add rsi, [rax + k + c.stack_ptr]
            ; mov ecx, [rsi + c.act_func - c.act_size]
            ; mov [rax + k + c.top_func], ecx
            ; mov ecx, [rsi + c.act_edge - c.act_size]
            ; mov [rax + k + c.top_edge], ecx
            ; jmp =>done
            ; empty:
            ; mov DWORD [rax + k + c.top_func], c.no_caller as i32
            ; mov DWORD [rax + k + c.top_edge], c.no_edge as i32
            ; =>done
        );
        self.cold(move |g| {
            g.comment(format_args!("pc {pc}: recording: the call returns"));
            asm!(g.ops
                ; =>hook
                ; mov rdi, r12
                ; mov rax, QWORD f
                ; call rax
                ; jmp =>done
            );
        });
    }
}

/// Recording: count the call whose frame compiled code just pushed inline
/// through a site's entry `site` as `Vm::push_frame` counts its calls, and
/// let the entry count the next one inline: its (caller, callee, edge), when
/// the call has a caller function and timing is sampled.
pub extern "sysv64" fn jit_rec_enter_site(vm: *mut Vm, site: *const DirectEntry) {
    direct::jit_rec_enter(vm);
    // SAFETY: compiled code passes the `Vm` it was entered with, which no
    // one else references while the hook runs, and its own site.
    let (vm, site) = unsafe { (&mut *vm, &*site) };
    let Some(r) = vm.rec.as_deref() else {
        return;
    };
    let Some((caller, func, edge)) = r.calls.top_call().filter(|_| !r.exact) else {
        return;
    };
    let c = inline::layout();
    site.rec_func.set(func);
    site.rec_edge.set(edge);
    site.rec_func_off.set(func as u64 * c.func_size as u64);
    site.rec_edge_off.set(edge as u64 * c.edge_size as u64);
    site.rec_caller.set(caller as u64);
}
