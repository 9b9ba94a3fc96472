//! Calls and returns: the lean direct call (`direct.rs`) inline, the general
//! one (`calls::jit_call`) in the cold section.
//!
//! A `Call` whose callee register holds a function, or a `CallMethod` whose
//! receiver is an instance, asks `jit_call_enter` to push the callee's frame.
//! When it does, this code calls the callee's compiled code with the entry
//! convention (`vm`, the callee's registers, its first instruction), so the
//! callee runs on the machine stack below the caller. A site whose callee
//! is the one it remembers (`direct_site.rs`) pushes the frame inline and
//! enters the callee's direct entry instead (`codegen::gen_direct_entry`);
//! a call of the function a global held at compile time (`fib(n - 1)` in
//! `fib`) knows its callee from its `LoadGlobal`, which left compiled code
//! if the global no longer held it (`const_calls.rs`), and pushes the frame
//! with the callee's numbers as constants, after trying the callee's base
//! case on the arguments in place (`gen_leaf_calls.rs`), which needs no
//! frame at all. The push is one compare against `Heap::call_limit` (the
//! recursion and native depth limits, 0 while a collection or Ctrl-C is
//! due) and the six words a call sets (the other fields of a spare frame
//! slot are empty already, `Frame::clear_optional`). The callee's `Return`
//! leaves with `KIND_RETURN` in rax's high half (the only outcome with the
//! sign bit set) and the value's two words in rcx:rdx; the caller stores
//! them into its result register and pops the frame inline. A recorder
//! counts the call inline (`gen_rec_calls.rs`) as the interpreter's frame
//! push and pop count theirs; that code is emitted only when the run
//! records. Any other outcome (a bail, an exception,
//! a frame the interpreter must run) goes through `jit_call_unwound` and
//! leaves the caller's code too, exactly as the general path does.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::gen_leaf_calls::{BaseCase, Recorded};
use super::{pay, slot, Gen};
use crate::bytecode::opcodes::Instr;
use crate::jit::direct_site::{frame_layout, DirectEntry, DirectSite};
use crate::jit::exits::KIND_RETURN;
use crate::jit::{calls, direct};
use crate::runtime::value::tags;

impl<'a> Gen<'a> {
    /// A call instruction: the lean path when the instruction can take it,
    /// else the general helper.
    pub(super) fn gen_call(&mut self, pc: u32) {
        // The register checked before trying the lean path, the tag it must
        // have, the callee's first register and the result's register.
        let ins = self.code.instrs[pc as usize];
        let lean = match ins {
            Instr::Call { func, .. } => Some((func, tags::FUNCTION, func + 1)),
            Instr::CallMethod { obj, .. } => Some((obj, tags::INSTANCE, obj)),
            _ => None,
        };
        let Some((reg, tag, callee_regs)) = lean else {
            self.comment(format_args!("general call: push the frame, run the callee"));
            self.gen_call_general(pc, true);
            self.forget_all();
            return;
        };
        let is_method = matches!(ins, Instr::CallMethod { .. });
        let general = self.ops.new_dynamic_label();
        let unwound = self.ops.new_dynamic_label();
        let rust_enter = self.ops.new_dynamic_label();
        let returned = self.ops.new_dynamic_label();
        let returned_fast = self.ops.new_dynamic_label();
        let do_call = self.ops.new_dynamic_label();
        // Where a call its callee's base case answered goes on
        // (`gen_leaf_calls.rs`).
        let base_done = self.ops.new_dynamic_label();
        let site = Box::<DirectSite>::default();
        let site_p = &*site as *const DirectSite as i64;
        let konst_entry = &site.konst as *const DirectEntry as i64;
        self.method_sites.push(site);
        let konst = if is_method { None } else { self.const_call(pc) };
        // Calls answered at the site (`gen_builtin_calls.rs`,
        // `gen_inline_calls.rs`): counted while recording
        // (`codegen/inline_counts.rs`), not with exact timing.
        if is_method {
            self.emit_list_method(pc, base_done);
            self.emit_module_call(pc, base_done);
        } else {
            self.emit_builtin_call(pc, reg, base_done);
        }
        if let Some(k) = konst {
            self.rec_konst_edge(konst_entry, &k.func.code);
        }
        // A call of this very code: its direct entry is a label here (this
        // version of the code, which is as good as any later one: every
        // version checks what it relies on).
        let self_entry = konst
            .filter(|k| std::ptr::eq(&*k.func.code, self.code))
            .and(self.direct_label);
        let uncounted = match konst {
            Some(k) => {
                // The function the global held at compile time
                // (`const_calls.rs`): its `LoadGlobal` left the register
                // holding it on every path that reaches here, and nothing
                // between wrote the register or entered from the interpreter.
                self.comment(format_args!(
                    "direct call of the global's function (its LoadGlobal at pc {} checked): push its frame inline",
                    k.load_pc
                ));
                let code = &k.func.code;
                // SAFETY: an `Rc` is one pointer word (`direct_site::measure`).
                let word = unsafe {
                    *(code as *const std::rc::Rc<crate::bytecode::code::Code> as *const usize)
                };
                let from = PushFrom::Const {
                    func: k.func.addr() as i64,
                    code_word: word as i64,
                    nregs: code.nregs as i32,
                    entry: konst_entry,
                    self_call: std::ptr::eq(&**code, self.code),
                };
                // A pure arithmetic body, computed here (`gen_inline_calls.rs`).
                let inline = Some(())
                    .filter(|_| !self.rs.mode.regs)
                    .and_then(|_| self.inline_plan(code, k.func.fast_argc, callee_regs, false));
                if let Some(planned) = &inline {
                    self.emit_inline_call(
                        planned,
                        reg,
                        callee_regs,
                        rust_enter,
                        base_done,
                        false,
                        false,
                    );
                }
                // Else its base case here (`gen_leaf_calls.rs`). Recording
                // counts it as a call; not with exact timing, which times
                // every call.
                let base_case = BaseCase::of(code, k.func.fast_argc)
                    .filter(|_| inline.is_none() && !self.polls.exact_timing && !self.rs.mode.regs);
                if let Some(case) = base_case {
                    let rec = self.polls.sample.is_some().then(|| Recorded {
                        entry: konst_entry,
                        self_call: std::ptr::eq(&**code, self.code),
                        callee: code,
                    });
                    self.emit_base_case(case, reg, callee_regs, rust_enter, base_done, rec);
                }
                let check_limit = base_case.is_none() && inline.is_none();
                self.emit_push(pc, reg, callee_regs, from, rust_enter, check_limit)
            }
            None => {
                if let Instr::Call { argc, .. } = ins {
                    self.emit_site_inline(pc, reg, argc, callee_regs, rust_enter, base_done);
                }
                // A getter method's body, run here once the lookup found it
                // (`gen_inline_calls.rs`).
                let method_plan = match ins {
                    Instr::CallMethod { argc, .. } => {
                        self.method_inline_plan(pc, argc, callee_regs)
                    }
                    _ => None,
                };
                if let (Some(p), Some(site)) = (&method_plan, self.method_sites.last()) {
                    // The site keeps the code alive, so the word compared
                    // is never another code's.
                    site.keep_inlined(p.callee.clone());
                }
                self.comment(format_args!(
                    "direct call: the site's last callee again? push its frame inline"
                ));
                self.emit_site_lookup(reg, tag, is_method, site_p, general, rust_enter);
                if let Some(planned) = &method_plan {
                    self.emit_method_inline(
                        planned,
                        reg,
                        callee_regs,
                        rust_enter,
                        base_done,
                        move |g| {
                            g.emit_site_lookup(reg, tag, is_method, site_p, general, rust_enter)
                        },
                    );
                }
                let self_method = self.self_method_site(pc, ins);
                self.emit_push(
                    pc,
                    reg,
                    callee_regs,
                    PushFrom::Site { self_method },
                    rust_enter,
                    true,
                )
            }
        };
        let recording = self.polls.sample.is_some();
        asm!(self.ops; =>do_call);
        match uncounted {
            None => {
                let uncount = if recording {
                    Uncount::Frame
                } else {
                    Uncount::No
                };
                self.emit_direct_call(reg, callee_regs, self_entry, unwound, returned, uncount)
            }
            Some(counted) => {
                // Recording, the self-recursion path: nothing to uncount
                // after the call; a global's function counted inline: its
                // site's edge to uncount (`gen_rec_calls.rs`). A call to be
                // counted otherwise (and one the Rust path pushed) takes a
                // copy of the sequence that uncounts its frame's edge, in
                // the cold section, and comes back after the pop.
                // A method site's self-recursion path (`konst` None) has
                // r8 its entry already, and counts through it.
                let self_call = konst.is_none_or(|k| std::ptr::eq(&*k.func.code, self.code));
                let hot = if self_call {
                    Uncount::No
                } else {
                    Uncount::Entry(konst_entry)
                };
                self.emit_direct_call(reg, callee_regs, self_entry, unwound, returned_fast, hot);
                let after = self.ops.new_dynamic_label();
                let entry = konst.map(|_| konst_entry);
                self.cold(move |g| {
                    g.comment(format_args!("pc {pc}: recording: a call counted"));
                    asm!(g.ops; =>counted);
                    if self_call && entry.is_some() {
                        // The self-recursion path did not load it.
                        asm!(g.ops; mov r8, QWORD konst_entry);
                    }
                    g.rec_call_enter(pc, entry);
                    g.emit_direct_call(
                        reg,
                        callee_regs,
                        self_entry,
                        unwound,
                        returned,
                        Uncount::Frame,
                    );
                    asm!(g.ops; jmp =>after);
                });
                asm!(self.ops; =>after);
            }
        }
        asm!(self.ops; =>base_done);
        let next = self.next(pc);
        let last = pc as usize + 1 >= self.code.instrs.len();
        if last {
            asm!(self.ops; jmp =>next);
        }
        let enter = direct::jit_call_enter as *const () as i64;
        let unwound_fn = direct::jit_call_unwound as *const () as i64;
        let class_call = !is_method;
        self.cold(move |g| {
            g.comment(format_args!(
                "pc {pc}: another callee, or the Rust path is needed"
            ));
            asm!(g.ops; =>rust_enter);
            // The Rust path reads the callee from its register.
            g.store_deferred();
            asm!(g.ops
                ; mov rdi, r12
                ; mov esi, pc as i32
                ; mov rdx, QWORD site_p
                ; mov rax, QWORD enter
                ; call rax
                ; test rax, rax
                ; jz =>general
                // rax: the callee's entry, rdx: its first instruction.
                ; mov rdi, r12
                ; lea rsi, [rbx + slot(callee_regs)]
                ; call rax
                ; test rax, rax
                ; jns =>unwound
                ; jmp =>returned
                ; =>unwound
                ; mov rdi, r12
                ; mov rsi, rax
                ; mov rax, QWORD unwound_fn
                ; call rax
            );
            // Recording: the block goes on after the call; leaving here
            // takes back its later lines (`linecount.rs`).
            match g.leave_after(pc) {
                Some(leave) => asm!(g.ops; jmp =>leave),
                None => asm!(g.ops; jmp ->exit),
            }
            asm!(g.ops
                ; =>general
            );
            if class_call {
                g.gen_class_call(pc, reg, unwound);
            } else {
                g.gen_class_method_call(pc, reg, unwound, returned);
            }
            g.comment(format_args!("pc {pc}: not the lean case: the general call"));
            g.gen_call_general(pc, false);
        });
        // The result is in the register now.
        self.deferred = None;
        self.keep_known_below(pc, reg);
    }

    /// Whether a site is a method call of the function this code is, as
    /// far as the interpreter's cache of the site says (the method it
    /// found last: `reference.find(update)` in go's `Square.find`): a
    /// recursion through instances, whose calls recording first tries to
    /// count on the self-recursion path (`Gen::rec_self_method_enter`). The
    /// test that takes it costs four instructions, so other sites do
    /// without: a method calling a method of its own name on another class
    /// (deltablue's) is not one.
    fn self_method_site(&self, pc: u32, ins: Instr) -> bool {
        matches!(ins, Instr::CallMethod { .. })
            && self.polls.sample.is_some()
            && self
                .cached_method(pc)
                .is_some_and(|f| std::ptr::eq(&*f.code, self.code))
    }

    /// Call the callee whose frame was pushed (r10 its code word, or
    /// `self_entry`: this code's own direct entry), store its result in
    /// `reg`, then (recording) uncount the call as `uncount` says and pop
    /// the frame. `returned` is bound where the result is stored.
    fn emit_direct_call(
        &mut self,
        reg: u16,
        callee_regs: u16,
        self_entry: Option<DynamicLabel>,
        unwound: DynamicLabel,
        returned: DynamicLabel,
        uncount: Uncount,
    ) {
        let l = *frame_layout();
        asm!(self.ops
            // The direct entry (vm stays in r12, the registers in rsi),
            // through the callee's code object: its current compiled code.
            ; lea rsi, [rbx + slot(callee_regs)]
        );
        match self_entry {
            Some(entry) => asm!(self.ops; call =>entry),
            None => asm!(self.ops; call QWORD [r10 + l.rc_code_direct]),
        }
        asm!(self.ops
            // rbp: this frame's count again, however the callee left
            // (`emit_push`); the Rust path (`rust_enter`) joins below with
            // rbp untouched.
            ; dec rbp
            // Only a return sets rax's sign bit (`exits::KIND_RETURN`).
            ; test rax, rax
            ; jns =>unwound
            ; =>returned
            ; mov [rbx + slot(reg)], rcx
            ; mov [rbx + pay(reg)], rdx
        );
        match uncount {
            Uncount::No => {}
            Uncount::Frame => self.rec_call_leave(),
            Uncount::Entry(entry) => self.rec_const_call_leave(entry),
        }
        // Pop the frame, as `Vm::pop_plain_frame`: the callee's return
        // already gave back its handled exceptions (`gen_return`): a store
        // of the count rbp holds, no read-modify-write in memory.
        asm!(self.ops
            ; mov [r12 + l.frames_len], rbp
        );
    }

    /// Find the callee in the site's entries (`direct_site.rs`): r8 its
    /// entry, r9 the function, r10 its code word; `general` when the
    /// register holds no function (instance), `rust_enter` when no entry
    /// matches.
    fn emit_site_lookup(
        &mut self,
        reg: u16,
        tag: u64,
        is_method: bool,
        site_p: i64,
        general: DynamicLabel,
        rust_enter: DynamicLabel,
    ) {
        let l = *frame_layout();
        // r8: the site's entry for this callee, r9: the callee function,
        // r10: its code word.
        let entries = site_p + l.site_entries as i64;
        let ways = crate::jit::direct_site::SITE_WAYS;
        let hit = self.ops.new_dynamic_label();
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tag as i32
            ; jne =>general
            ; mov r8, QWORD entries
        );
        if is_method {
            asm!(self.ops
                ; mov rax, [rbx + pay(reg)]
                ; mov rax, [rax + l.instance_class]
                ; mov ecx, [rax + l.type_version]
            );
            for i in 0..ways {
                let next = self.ops.new_dynamic_label();
                if i > 0 {
                    asm!(self.ops; add r8, l.entry_size);
                }
                let miss = if i + 1 == ways { rust_enter } else { next };
                asm!(self.ops
                    ; cmp rax, [r8 + l.site_class]
                    ; jne =>miss
                    ; cmp ecx, [r8 + l.site_version]
                    ; je =>hit
                );
                if i + 1 == ways {
                    asm!(self.ops; jmp =>rust_enter);
                }
                asm!(self.ops; =>next);
            }
            asm!(self.ops
                ; =>hit
                ; cmp BYTE [rax + l.type_shadowed], 0
                ; jne =>rust_enter
                ; mov r9, [r8 + l.site_func]
                ; mov r10, [r8 + l.site_code_rc]
            );
        } else {
            asm!(self.ops
                ; mov r9, [rbx + pay(reg)]
                ; mov r10, [r9 + l.function_code]
            );
            for i in 0..ways {
                if i > 0 {
                    asm!(self.ops; add r8, l.entry_size);
                }
                if i + 1 == ways {
                    // A function no direct call takes (a generator's, whose
                    // call makes the generator; `fast_argc` u16::MAX): the
                    // general path, without asking `jit_call_enter` first.
                    asm!(self.ops
                        ; cmp r10, [r8 + l.site_code_word]
                        ; je =>hit
                        ; cmp WORD [r9 + l.function_fast_argc], -1
                        ; je =>general
                        ; jmp =>rust_enter
                    );
                } else {
                    asm!(self.ops
                        ; cmp r10, [r8 + l.site_code_word]
                        ; je =>hit
                    );
                }
            }
            asm!(self.ops; =>hit);
        }
    }

    /// Push the callee's frame inline (as `Frame::new` makes it), or go to
    /// `rust_enter` when the Rust path is needed. Leaves r8 the site entry
    /// (recording), r10 the code word, rdx the new frame, rbp its count.
    /// Recording (sampled), at a site calling a global's function: the call
    /// took the self-recursion path (its own function) or was counted on
    /// the site's known edge (another), and the label returned is where it
    /// goes otherwise, to be counted and uncounted through its frame
    /// (`gen_rec_calls.rs`).
    fn emit_push(
        &mut self,
        pc: u32,
        reg: u16,
        callee_regs: u16,
        from: PushFrom,
        rust_enter: DynamicLabel,
        check_limit: bool,
    ) -> Option<DynamicLabel> {
        let l = *frame_layout();
        let recording = self.polls.sample.is_some();
        if let PushFrom::Const {
            code_word,
            self_call,
            ..
        } = from
        {
            // The call goes through the code word unless it calls this code
            // (`gen_call`).
            if !self_call || self.direct_label.is_none() {
                asm!(self.ops; mov r10, QWORD code_word);
            }
        }
        // Nothing for the Rust path: under the call limit (the recursion
        // limit and the native depth limit, 0 while a collection or Ctrl-C
        // is due, `Heap::call_limit`; the frame vector has room for that
        // many, `Vm::set_recursion_limit`).
        // rbp: the frame count (`Vm::frames`' length), which compiled code
        // keeps in rbp while it runs (`gen_prologue`), so that a push and a
        // pop only store it.
        // (Made already when `check_limit` is false.)
        if check_limit {
            asm!(self.ops
                ; cmp rbp, [r12 + l.call_limit]
                ; jae =>rust_enter
            );
        }
        asm!(self.ops
            // rdx: the new frame; rax: the callee's base (a stack index,
            // from the caller's: rbx is the caller's registers), where its
            // registers must fit.
            ; imul rdx, rbp, l.frame_size
            ; add rdx, [r12 + l.frames_ptr]
            ; mov rax, [rdx + l.frame_base - l.frame_size]
            ; add rax, callee_regs as i32
        );
        match from {
            PushFrom::Site { .. } => asm!(self.ops
                ; mov rcx, rax
                ; add rcx, [r8 + l.site_nregs]
                ; cmp rcx, [r12 + l.stack_len]
                ; ja =>rust_enter
            ),
            PushFrom::Const { nregs, .. } => {
                // The stack's length is a constant (`vm::STACK_SLOTS`).
                let last = crate::interp::vm::STACK_SLOTS as i32 - nregs;
                asm!(self.ops
                    ; cmp rax, last
                    ; ja =>rust_enter
                )
            }
        }
        asm!(self.ops
            // The call happens: the caller goes on after it.
            ; mov QWORD [rdx + l.frame_pc - l.frame_size], (pc + 1) as i32
        );
        match from {
            PushFrom::Site { .. } => asm!(self.ops; mov [rdx + l.frame_func], r9),
            PushFrom::Const { func, .. } => asm!(self.ops
                ; mov rcx, QWORD func
                ; mov [rdx + l.frame_func], rcx
            ),
        }
        // Push the frame, as `Frame::new` makes it: its own words; the
        // other fields of a spare slot are always empty already
        // (`Frame::clear_optional`). The callee's direct entry clears its
        // registers after the arguments.
        let ret_delta = callee_regs as i32 - reg as i32;
        match from {
            PushFrom::Site { .. } => asm!(self.ops; lea rcx, [r10 + l.rc_code]),
            PushFrom::Const { code_word, .. } => {
                asm!(self.ops; mov rcx, QWORD code_word + l.rc_code as i64)
            }
        }
        asm!(self.ops
            ; mov [rdx + l.frame_code], rcx
            ; mov [rdx + l.frame_base], rax
            ; sub rax, ret_delta
            ; mov [rdx + l.frame_ret_slot], rax
            ; mov rcx, [r12 + l.handled_len]
            ; mov [rdx + l.frame_handled_base], rcx
            ; mov QWORD [rdx + l.frame_pc], 0
        );
        // The callee's count, in rbp for its code (`emit_direct_call` takes
        // it back). Not counted in `JitRuntime::native_depth`: the frame
        // counts this activation, under the call limit (`direct.rs`).
        asm!(self.ops
            ; inc rbp
            ; mov [r12 + l.frames_len], rbp
        );
        if recording {
            if let PushFrom::Const {
                entry, self_call, ..
            } = from
            {
                if self_call && !self.polls.exact_timing {
                    return Some(self.rec_self_call_enter(entry));
                }
                asm!(self.ops; mov r8, QWORD entry);
            }
            let konst = match from {
                PushFrom::Const { entry, .. } => Some(entry),
                PushFrom::Site { self_method } => {
                    if self_method && !self.polls.exact_timing {
                        return Some(self.rec_self_method_enter());
                    }
                    None
                }
            };
            if let (Some(entry), false) = (konst, self.polls.exact_timing) {
                return Some(self.rec_const_call_enter(entry));
            }
            self.rec_call_enter(pc, konst);
        }
        None
    }

    /// The lean path of a class call (`Call` with a class in `reg`, cached
    /// as "a plain instance, then this `__init__`"): the instance takes the
    /// class's register, `__init__`'s frame starts there, and
    /// `jit_call_leave_construct` gives the call the instance. Falls through
    /// when the lean path declines.
    fn gen_class_call(&mut self, pc: u32, reg: u16, unwound: DynamicLabel) {
        self.comment(format_args!(
            "pc {pc}: a class call: push __init__, call its code"
        ));
        let no = self.ops.new_dynamic_label();
        let next = self.next(pc);
        // Recording with sampled timing: the pop that uncounts without
        // asking how the run records.
        let leave = if self.polls.sample.is_some() && !self.polls.exact_timing {
            direct::jit_call_leave_construct_sampled as *const () as i64
        } else {
            direct::jit_call_leave_construct as *const () as i64
        };
        self.emit_class_enter(pc, reg, no, unwound);
        asm!(self.ops
            // leave(vm, outcome, tag, payload)
            ; mov rsi, rax
            ; mov r8, rdx
            ; mov rdx, rcx
            ; mov rcx, r8
            ; mov rdi, r12
            ; mov rax, QWORD leave
            ; call rax
            ; test rax, rax
        );
        // Recording: as at `unwound` (`gen_call`).
        match self.leave_after(pc) {
            Some(out) => asm!(self.ops; jnz =>out),
            None => asm!(self.ops; jnz ->exit),
        }
        asm!(self.ops
            ; jmp =>next
            ; =>no
        );
    }

    /// The lean path of `C.m(...)` (`CallMethod` with a class in `reg`,
    /// the register of the method's first argument) whose site cached a
    /// class method: `jit_call_enter` pushes the method's frame, its code
    /// returns as a direct call's (to `returned`, which pops it, uncounting
    /// it when recording, as it does the Rust path's pushes). Falls through
    /// when the lean path declines.
    fn gen_class_method_call(
        &mut self,
        pc: u32,
        reg: u16,
        unwound: DynamicLabel,
        returned: DynamicLabel,
    ) {
        self.comment(format_args!(
            "pc {pc}: a class's method: push it, call its code"
        ));
        let no = self.ops.new_dynamic_label();
        self.emit_class_enter(pc, reg, no, unwound);
        asm!(self.ops
            ; jmp =>returned
            ; =>no
        );
    }

    /// With a class in `reg` (else to `no`), ask `jit_call_enter` to push
    /// the frame of the call at `pc` (`no` when it declines) and call the
    /// callee's code on the registers from `reg`; to `unwound` unless it
    /// returned (its value in rcx:rdx, `gen_return`).
    fn emit_class_enter(&mut self, pc: u32, reg: u16, no: DynamicLabel, unwound: DynamicLabel) {
        let enter = direct::jit_call_enter as *const () as i64;
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tags::TYPE as i32
            ; jne =>no
            ; mov rdi, r12
            ; mov esi, pc as i32
            ; xor edx, edx
            ; mov rax, QWORD enter
            ; call rax
            ; test rax, rax
            ; jz =>no
            // rax: the callee's entry, rdx: its first instruction.
            ; mov rdi, r12
            ; lea rsi, [rbx + slot(reg)]
            ; call rax
            ; test rax, rax
            ; jns =>unwound
        );
    }

    fn gen_call_general(&mut self, pc: u32, hot: bool) {
        self.call_helper_outcome(pc, calls::jit_call as *const () as usize, None, None, hot);
    }

    /// `Return`/`ReturnNone`: hand the return to whoever entered this code,
    /// with the value in rcx:rdx for a direct call (`gen_call`). The
    /// interpreter, and `calls::jit_call`, run the return themselves.
    pub(super) fn gen_return(&mut self, pc: u32) {
        self.comment(format_args!("return to the caller, the value in rcx:rdx"));
        let w = (KIND_RETURN << 32) | pc as u64;
        match self.code.instrs[pc as usize] {
            // A known tag is the frame's (the frame is up to date here).
            Instr::Return { src } => match self.known_tag(src) {
                Some(t) if t <= i32::MAX as u64 => asm!(self.ops
                    ; mov ecx, t as i32
                    ; mov rdx, [rbx + pay(src)]
                ),
                _ => asm!(self.ops
                    ; mov rcx, [rbx + slot(src)]
                    ; mov rdx, [rbx + pay(src)]
                ),
            },
            _ => asm!(self.ops
                ; mov ecx, tags::NONE as i32
                ; xor edx, edx
            ),
        }
        if self
            .code
            .instrs
            .iter()
            .any(|i| matches!(i, Instr::EnterHandler { .. }))
        {
            // Code that handles exceptions may return inside a handler:
            // give back the handled exceptions its frame took, which a
            // direct caller's inline pop leaves alone (only such code ever
            // has any; the interpreter's pop does the same again).
            let l = *frame_layout();
            asm!(self.ops
                ; mov rax, [r12 + l.frames_len]
                ; imul rax, rax, l.frame_size
                ; add rax, [r12 + l.frames_ptr]
                ; mov rax, [rax + l.frame_handled_base - l.frame_size]
                ; cmp rax, [r12 + l.handled_len]
                ; jae >kept
                ; mov [r12 + l.handled_len], rax
                ; kept:
            );
        }
        self.rec_return_counts();
        asm!(self.ops; mov rax, QWORD w as i64);
        // `->exit`'s code itself, one jump shorter.
        self.gen_epilogue();
    }
}

/// What a direct call's return uncounts when recording (`gen_rec_calls.rs`).
#[derive(Clone, Copy)]
enum Uncount {
    /// Nothing: not recording, or the self-recursion path.
    No,
    /// The callee frame's edge, if it has one.
    Frame,
    /// The edge of the site's entry at this address, which counted the call.
    Entry(i64),
}

/// Where `emit_push` finds the callee.
#[derive(Clone, Copy)]
enum PushFrom {
    /// The site's entry: r8 the entry, r9 the function, r10 its code word.
    /// `self_method`: a method call likely to be of this code's own
    /// function (`Gen::self_method_site`), which recording first tries to
    /// count as self-recursion (`gen_rec_calls.rs`).
    Site { self_method: bool },
    /// The function a global held at compile time (`const_calls.rs`), with
    /// its code word, its registers and the site's entry for recording.
    Const {
        func: i64,
        code_word: i64,
        nregs: i32,
        entry: i64,
        /// The callee is the function this code is (recording counts its
        /// calls without the primitive test, `gen_rec_calls.rs`).
        self_call: bool,
    },
}
