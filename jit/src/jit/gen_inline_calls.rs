//! A call of a function or method whose body has no effect but its result,
//! computed at the call site (`inline.rs`): no frame, no call, the body's
//! steps in machine registers and the result stored into the call's result
//! register. A branching body is emitted as its plan's tree: each fork a
//! compare and a jump to the code of the other way, which starts from the
//! values as they were at the fork; each way checks the parameters it
//! reads the first time it reads them (a parameter only returned is copied
//! as it is, any type).
//!
//! A method's body runs once the site's lookup found the method (the
//! receiver's class at its version, no instance attribute hiding it) and
//! the method is the planned code. Its attributes are read from the
//! receiver's table at the entries the callee's caches found, each entry's
//! key compared with the name, after one check of the instance on the way
//! (`attr_table`). Off the plan, the lookup is made again (the body used
//! its registers) for the real call.
//!
//! Every way off the planned path (an argument of another type than
//! planned, an int overflow, an int too large to convert exactly, a zero
//! divisor, a NaN compared, an attribute of a type whose truth is Python
//! code, another layout) goes to the real call, which starts over: the
//! body has no effect but its result, and nothing is stored before the
//! end. The call limit is checked first, as a pushed call checks it
//! (RecursionError at the limit, a collection or Ctrl-C due), so a call
//! raises and polls exactly where a pushed one would.
//!
//! While recording, the call is counted as made (its edge's calls, the
//! lines of the way it took: one add on that way's counter,
//! `codegen/inline_counts.rs`), and a callee
//! that runs already (the call would be recursive) gets the real call; its
//! time is sampled as the calling instruction's. Not with exact timing.
//!
//! Registers: the `Call` is not register-aware (`regalloc::reg_aware`): the
//! loop's registers were spilled before it and are reloaded after it, so
//! the body may use every caller-saved register but r11 and r10, kept as
//! scratch, and xmm0/xmm1 likewise.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use std::rc::Rc;

use super::inline_counts::PathCounts;
use super::{pay, slot, Gen};
use crate::bytecode::code::Code;
use crate::interp::ops::CmpOp;
use crate::jit::inline::{End, Op, Path, Plan, Test, Ty, Val};
use crate::jit::layout::layout;
use crate::runtime::value::tags;

/// GPRs a body's int values may take (rax, rcx, rdx, rsi, rdi, r8, r9).
const GPRS: [u8; 7] = [0, 1, 2, 6, 7, 8, 9];
/// XMM registers a body's float values may take.
const XMMS: [u8; 14] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/// Where a value of the body is.
#[derive(Clone, Copy, PartialEq)]
enum Loc {
    /// In the caller's frame slot (an argument, of the type planned and
    /// checked).
    Slot(u16, Ty),
    Int(i64),
    Float(u64),
    Gpr(u8),
    Xmm(u8),
    /// A value of any type in memory, at `[gpr + disp]` (an attribute's,
    /// in its instance's table: `Op::Attr`).
    Ref(u8, i32),
    /// A bool computed (`Op::Not`), 0 or 1 in the GPR.
    Bool(u8),
    /// `None`, `True` or `False`: the tag and payload words.
    Const(u64, u64),
}

/// rbx's number, for a frame slot as a memory operand (`Loc::Ref`'s form).
const RBX: u8 = 3;

/// Where the values are at a point of the body, and what is checked.
#[derive(Clone)]
struct State {
    /// Each value's place, once computed (`Plan::values` of them).
    locs: Vec<Option<Loc>>,
    /// Taken registers of `GPRS` and `XMMS` (bit i: entry i).
    gprs: u32,
    xmms: u32,
    /// Parameters whose tags were checked on this way (bit p).
    checked: u64,
    /// The GPR holding the receiver's table entries once an `Op::Attr` on
    /// this way checked the instance (kept to the way's end).
    table: Option<u8>,
    /// The attribute writes this way makes when it returns (`Op::SetAttr`):
    /// the GPR holding the entries (`table`), the value's displacement,
    /// the value.
    writes: Vec<(u8, i32, Loc)>,
}

/// Where the emission of a plan's paths goes.
struct Exits<'p> {
    /// The callee (the names its `Op::Attr` steps read).
    callee: &'p Code,
    /// `Plan::max_attr`.
    max_attr: Option<u32>,
    /// `Plan::stores`: the table is checked not borrowed at all.
    stores: bool,
    /// The call's result register.
    reg: u16,
    /// Off the plan: the real call.
    call: DynamicLabel,
    done: DynamicLabel,
    /// Recording: the counters of the ways through the body, in emission
    /// order, and how many are used.
    counters: Option<&'p [DynamicLabel]>,
    next: usize,
}

/// A callee's body planned for a call site, with how a recorded call is
/// counted (`inline_counts.rs`; None when not recording).
pub(super) struct Planned {
    pub plan: Plan,
    pub count: Option<PathCounts>,
    pub callee: Rc<Code>,
}

impl<'a> Gen<'a> {
    /// The body `p` for the arguments from `callee_regs`: its result
    /// into `reg` and on to `done`; the push of the real call comes next
    /// (without the limit check, made here) when anything is not as
    /// planned. `rust_enter`: the Rust path, where the limit's exceptions
    /// and polls are handled. `recv_checked`: a method's call, whose site's
    /// lookup checked that the first argument is an instance. `code_in_r11`:
    /// the site's guard left the callee's code word in r11, where it
    /// compared it (`emit_site_inline`, `emit_method_inline`; a call of a
    /// global known when compiling has no guard).
    pub(super) fn emit_inline_call(
        &mut self,
        p: &Planned,
        reg: u16,
        callee_regs: u16,
        rust_enter: DynamicLabel,
        done: DynamicLabel,
        recv_checked: bool,
        code_in_r11: bool,
    ) {
        let (plan, count, callee) = (&p.plan, p.count.as_ref(), &*p.callee);
        let l = *crate::jit::direct_site::frame_layout();
        let call = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "the callee's body inline (no effect but its result): its result without a call"
        ));
        asm!(self.ops
            ; cmp rbp, [r12 + l.call_limit]
            ; jae =>rust_enter
        );
        if let Some(count) = count {
            self.unless_callee_running(count.edge, false, code_in_r11, call);
        }
        let mut locs = vec![None; plan.values as usize];
        for p in 0..plan.argc {
            locs[p as usize] = Some(Loc::Slot(callee_regs + p, Ty::Int));
        }
        let state = State {
            locs,
            gprs: 0,
            xmms: 0,
            checked: recv_checked as u64,
            table: None,
            writes: Vec::new(),
        };
        let mut exits = Exits {
            callee,
            max_attr: plan.max_attr,
            stores: plan.stores,
            reg,
            call,
            done,
            counters: count.map(|c| c.counters.as_slice()),
            next: 0,
        };
        self.emit_path(&plan.body, plan.argc, callee_regs, state, &mut exits);
        asm!(self.ops; =>call);
    }

    /// `path` from the state `st`, its ways on to `exits`.
    fn emit_path(
        &mut self,
        path: &Path,
        argc: u16,
        callee_regs: u16,
        mut st: State,
        exits: &mut Exits,
    ) {
        let call = exits.call;
        let mut complete = true;
        for (i, s) in path.steps.iter().enumerate() {
            self.check_params(&mut st, argc, callee_regs, &[s.a, s.b], call);
            let a = loc_of(&st.locs, s.a);
            let b = loc_of(&st.locs, s.b);
            // `a`'s register, when `a` is read no more: the result's.
            let a_dies = matches!(s.a, Val::Reg(v, _) if !path.reads_after(Some(i), v));
            let out = match s.op {
                Op::IAdd | Op::ISub | Op::IMul | Op::IShr(_) | Op::IAnd | Op::IOr | Op::IXor => {
                    let reuse = match a {
                        Loc::Gpr(g) if a_dies => Some(g),
                        _ => None,
                    };
                    let Some(t) = reuse.or_else(|| take(&mut st.gprs, &GPRS)) else {
                        // Planned bodies are short; past the registers,
                        // the real call.
                        complete = false;
                        break;
                    };
                    self.int_to(t, a);
                    self.int_op(s.op, t, b, call);
                    Loc::Gpr(t)
                }
                Op::FAdd | Op::FSub | Op::FMul | Op::FDiv | Op::IDiv => {
                    let reuse = match a {
                        Loc::Xmm(y) if a_dies => Some(y),
                        _ => None,
                    };
                    let Some(x) = reuse.or_else(|| take(&mut st.xmms, &XMMS)) else {
                        complete = false;
                        break;
                    };
                    if s.op == Op::IDiv {
                        self.exact_int(a, call);
                        self.exact_int(b, call);
                    }
                    self.float_to(x, a);
                    let y = match b {
                        Loc::Xmm(y) => y,
                        _ => {
                            self.float_to(1, b);
                            1
                        }
                    };
                    let nonzero = match b {
                        Loc::Int(k) => k != 0,
                        Loc::Float(bits) => bits << 1 != 0,
                        _ => false,
                    };
                    match s.op {
                        Op::FAdd => asm!(self.ops; addsd Rx(x), Rx(y)),
                        Op::FSub => asm!(self.ops; subsd Rx(x), Rx(y)),
                        Op::FMul => asm!(self.ops; mulsd Rx(x), Rx(y)),
                        _ => {
                            // 0.0 and -0.0 (all bits but the sign clear)
                            // raise in the real call.
                            if !nonzero {
                                asm!(self.ops
                                    ; movq r11, Rx(y)
                                    ; add r11, r11
                                    ; jz =>call
                                );
                            }
                            asm!(self.ops; divsd Rx(x), Rx(y));
                        }
                    }
                    Loc::Xmm(x)
                }
                Op::Attr { ix, name } => {
                    let Some((t, d)) =
                        self.attr_entry(&mut st, s.a, (ix, name), callee_regs, exits)
                    else {
                        complete = false;
                        break;
                    };
                    Loc::Ref(t, d)
                }
                Op::Not => {
                    let reuse = match a {
                        Loc::Bool(g) if a_dies => Some(g),
                        _ => None,
                    };
                    let Some(t) = reuse.or_else(|| take(&mut st.gprs, &GPRS)) else {
                        complete = false;
                        break;
                    };
                    self.truth_to(t, a, call);
                    asm!(self.ops; xor Rd(t), 1);
                    Loc::Bool(t)
                }
                Op::AsInt => {
                    let Some(t) = take(&mut st.gprs, &GPRS) else {
                        complete = false;
                        break;
                    };
                    let (base, d) = match a {
                        Loc::Ref(g, d) => (g, d),
                        Loc::Slot(p, _) => (RBX, slot(p)),
                        _ => unreachable!("only a value of any type is converted"),
                    };
                    asm!(self.ops
                        ; cmp QWORD [Rq(base) + d], tags::INT as i32
                        ; jne =>call
                        ; mov Rq(t), [Rq(base) + d + 8]
                    );
                    Loc::Gpr(t)
                }
                Op::SetAttr { ix, name } => {
                    let Some((t, d)) =
                        self.attr_entry(&mut st, s.a, (ix, name), callee_regs, exits)
                    else {
                        complete = false;
                        break;
                    };
                    st.writes.push((t, d, b));
                    Loc::Int(0)
                }
                Op::ICmp(cmp) => {
                    let Some(t) = take(&mut st.gprs, &GPRS) else {
                        complete = false;
                        break;
                    };
                    self.int_compare_to(t, cmp, a, b);
                    Loc::Bool(t)
                }
                Op::ClassConst {
                    slot: gslot,
                    class,
                    version,
                } => {
                    self.class_still_held(exits.callee, gslot, class, version, call);
                    // No value: the constant is the plan's.
                    Loc::Int(0)
                }
            };
            st.locs[s.out as usize] = Some(out);
            // Free the registers of values read no more.
            let live = |locs: &[Option<Loc>], r: Loc| {
                locs.iter()
                    .enumerate()
                    .any(|(v, &l)| l == Some(r) && path.reads_after(Some(i), v as u16))
            };
            for (k, &n) in GPRS.iter().enumerate() {
                let held = live(&st.locs, Loc::Gpr(n)) || live(&st.locs, Loc::Bool(n));
                if st.gprs & (1 << k) != 0 && !held && st.table != Some(n) {
                    st.gprs &= !(1 << k);
                }
            }
            for (k, &n) in XMMS.iter().enumerate() {
                if st.xmms & (1 << k) != 0 && !live(&st.locs, Loc::Xmm(n)) {
                    st.xmms &= !(1 << k);
                }
            }
        }
        if !complete {
            // This way's counters stay unused: its calls are made.
            exits.next += path.returns().len();
            asm!(self.ops; jmp =>call);
            return;
        }
        match &path.end {
            End::Off => asm!(self.ops; jmp =>call),
            End::Return { val, .. } => {
                self.write_attrs(&st.writes);
                if let Some(counters) = exits.counters {
                    self.count_answered_call(counters[exits.next]);
                }
                exits.next += 1;
                self.store_result(exits.reg, loc_of(&st.locs, *val));
                asm!(self.ops; jmp =>exits.done);
            }
            End::Branch {
                test,
                if_true,
                if_false,
            } => {
                let operands = match *test {
                    Test::Cmp(_, a, b) => [a, b],
                    Test::NonZero(a) | Test::Truth(a) => [a, a],
                };
                self.check_params(&mut st, argc, callee_regs, &operands, call);
                let other = self.ops.new_dynamic_label();
                self.test_false_to(*test, &st.locs, other, call);
                self.emit_path(if_true, argc, callee_regs, st.clone(), exits);
                asm!(self.ops; =>other);
                self.emit_path(if_false, argc, callee_regs, st, exits);
            }
        }
    }

    /// The tag checks of the parameters among `vals` not checked on this
    /// way yet (their planned types), to `call` when one differs.
    fn check_params(
        &mut self,
        st: &mut State,
        argc: u16,
        callee_regs: u16,
        vals: &[Val],
        call: DynamicLabel,
    ) {
        for &v in vals {
            let Val::Reg(p, ty) = v else {
                continue;
            };
            if p >= argc || st.checked & (1 << p) != 0 {
                continue;
            }
            st.checked |= 1 << p;
            let tag = match ty {
                Ty::Int => tags::INT,
                Ty::Float => tags::FLOAT,
                Ty::Inst => tags::INSTANCE,
                // Checked where used (a truth test), or copied as it is.
                Ty::Bool | Ty::Obj => continue,
            };
            let arg = callee_regs + p;
            if self.known_tag(arg) != Some(tag) {
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(arg)], tag as i32
                    ; jne =>call
                );
            }
        }
    }

    /// To `when_false` unless `test` holds; to `call` when a float compare
    /// is unordered (a NaN) or an int does not convert exactly to compare
    /// with a float (the real call compares them). Uses r10, r11, xmm0 and
    /// xmm1.
    fn test_false_to(
        &mut self,
        test: Test,
        locs: &[Option<Loc>],
        when_false: DynamicLabel,
        call: DynamicLabel,
    ) {
        match test {
            Test::NonZero(a) => {
                match loc_of(locs, a) {
                    Loc::Gpr(g) => asm!(self.ops; test Rq(g), Rq(g)),
                    Loc::Slot(s, _) => asm!(self.ops; cmp QWORD [rbx + pay(s)], 0),
                    other => {
                        self.int_to(11, other);
                        asm!(self.ops; test r11, r11);
                    }
                }
                asm!(self.ops; jz =>when_false);
            }
            Test::Truth(a) => self.truth_false_to(loc_of(locs, a), when_false, call),
            Test::Cmp(cmp, a, b) if a.ty() == Ty::Int && b.ty() == Ty::Int => {
                self.compare_ints(loc_of(locs, a), loc_of(locs, b));
                // Signed: jump when the compare is false.
                match cmp {
                    CmpOp::Lt => asm!(self.ops; jge =>when_false),
                    CmpOp::Le => asm!(self.ops; jg =>when_false),
                    CmpOp::Gt => asm!(self.ops; jle =>when_false),
                    CmpOp::Ge => asm!(self.ops; jl =>when_false),
                    CmpOp::Eq => asm!(self.ops; jne =>when_false),
                    CmpOp::Ne => asm!(self.ops; je =>when_false),
                }
            }
            Test::Cmp(cmp, a, b) => {
                let xmm = |g: &mut Self, v: Val, scratch: u8| match loc_of(locs, v) {
                    Loc::Xmm(y) => y,
                    l => {
                        if v.ty() == Ty::Int {
                            g.exact_int(l, call);
                        }
                        g.float_to(scratch, l);
                        scratch
                    }
                };
                let x = xmm(self, a, 0);
                let y = xmm(self, b, 1);
                // Unordered (a NaN): the real call. Then unsigned flags.
                asm!(self.ops
                    ; ucomisd Rx(x), Rx(y)
                    ; jp =>call
                );
                match cmp {
                    CmpOp::Lt => asm!(self.ops; jae =>when_false),
                    CmpOp::Le => asm!(self.ops; ja =>when_false),
                    CmpOp::Gt => asm!(self.ops; jbe =>when_false),
                    CmpOp::Ge => asm!(self.ops; jb =>when_false),
                    CmpOp::Eq => asm!(self.ops; jne =>when_false),
                    CmpOp::Ne => asm!(self.ops; je =>when_false),
                }
            }
        }
    }

    /// The flags of the ints at `a` and `b` compared (signed). Uses r10
    /// and r11.
    fn compare_ints(&mut self, a: Loc, b: Loc) {
        let left = match a {
            Loc::Gpr(g) => g,
            _ => {
                self.int_to(11, a);
                11
            }
        };
        match b {
            Loc::Int(k) if i32::try_from(k).is_ok() => asm!(self.ops; cmp Rq(left), k as i32),
            Loc::Slot(s, _) => asm!(self.ops; cmp Rq(left), QWORD [rbx + pay(s)]),
            Loc::Gpr(g) => asm!(self.ops; cmp Rq(left), Rq(g)),
            _ => {
                self.int_to(10, b);
                asm!(self.ops; cmp Rq(left), r10);
            }
        }
    }

    /// GPR `t` = 1 when the ints at `a` and `b` compare as `cmp` says,
    /// else 0. Uses r10 and r11.
    fn int_compare_to(&mut self, t: u8, cmp: CmpOp, a: Loc, b: Loc) {
        self.compare_ints(a, b);
        // Moves leave the flags as they are.
        asm!(self.ops
            ; mov Rd(t), 0
            ; mov r10d, 1
        );
        match cmp {
            CmpOp::Lt => asm!(self.ops; cmovl Rd(t), r10d),
            CmpOp::Le => asm!(self.ops; cmovle Rd(t), r10d),
            CmpOp::Gt => asm!(self.ops; cmovg Rd(t), r10d),
            CmpOp::Ge => asm!(self.ops; cmovge Rd(t), r10d),
            CmpOp::Eq => asm!(self.ops; cmove Rd(t), r10d),
            CmpOp::Ne => asm!(self.ops; cmovne Rd(t), r10d),
        }
    }

    /// The writes of the attributes the way stored (`Op::SetAttr`), now
    /// that nothing can leave the plan: each value (a constant or a
    /// parameter's slot) into its entry. Uses r11.
    fn write_attrs(&mut self, writes: &[(u8, i32, Loc)]) {
        for &(t, d, v) in writes {
            match v {
                Loc::Slot(s, _) => asm!(self.ops
                    ; mov r11, [rbx + slot(s)]
                    ; mov [Rq(t) + d], r11
                    ; mov r11, [rbx + pay(s)]
                    ; mov [Rq(t) + d + 8], r11
                ),
                Loc::Int(k) => asm!(self.ops
                    ; mov QWORD [Rq(t) + d], tags::INT as i32
                    ; mov r11, QWORD k
                    ; mov [Rq(t) + d + 8], r11
                ),
                Loc::Float(bits) => asm!(self.ops
                    ; mov QWORD [Rq(t) + d], tags::FLOAT as i32
                    ; mov r11, QWORD bits as i64
                    ; mov [Rq(t) + d + 8], r11
                ),
                Loc::Const(tag, payload) => asm!(self.ops
                    ; mov QWORD [Rq(t) + d], tag as i32
                    ; mov QWORD [Rq(t) + d + 8], payload as i32
                ),
                _ => unreachable!("a stored value is a constant or a parameter"),
            }
        }
    }

    /// The body's result, at `at`, into the call's result register.
    fn store_result(&mut self, reg: u16, at: Loc) {
        match at {
            // A method returning its receiver (`return self`), whose slot
            // is the result's.
            Loc::Slot(s, _) if s == reg => {}
            Loc::Slot(s, _) => asm!(self.ops
                ; mov r11, [rbx + slot(s)]
                ; mov [rbx + slot(reg)], r11
                ; mov r11, [rbx + pay(s)]
                ; mov [rbx + pay(reg)], r11
            ),
            Loc::Int(v) => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tags::INT as i32
                ; mov r11, QWORD v
                ; mov [rbx + pay(reg)], r11
            ),
            Loc::Float(bits) => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tags::FLOAT as i32
                ; mov r11, QWORD bits as i64
                ; mov [rbx + pay(reg)], r11
            ),
            Loc::Gpr(g) => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tags::INT as i32
                ; mov [rbx + pay(reg)], Rq(g)
            ),
            Loc::Xmm(x) => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tags::FLOAT as i32
                ; movsd QWORD [rbx + pay(reg)], Rx(x)
            ),
            Loc::Ref(g, d) => asm!(self.ops
                ; mov r11, [Rq(g) + d]
                ; mov [rbx + slot(reg)], r11
                ; mov r11, [Rq(g) + d + 8]
                ; mov [rbx + pay(reg)], r11
            ),
            Loc::Bool(g) => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tags::BOOL as i32
                ; mov [rbx + pay(reg)], Rq(g)
            ),
            Loc::Const(tag, payload) => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tag as i32
                ; mov QWORD [rbx + pay(reg)], payload as i32
            ),
        }
    }

    /// To `call` unless global `gslot` of `callee`'s module holds class
    /// `class` (by address) and the class is at `version`: then its
    /// attribute is the constant the plan took from the callee's cache.
    /// Uses r10 and r11.
    fn class_still_held(
        &mut self,
        callee: &Code,
        gslot: u16,
        class: usize,
        version: u32,
        call: DynamicLabel,
    ) {
        let l = *layout();
        let globals = callee.module.globals.as_ptr() as i64;
        let at = gslot as i32 * 16;
        self.comment(format_args!(
            "global slot {gslot}: the class it held, at version {version}"
        ));
        // `gen_index.rs`'s `slots_base` with r11 for rdx, which may hold a
        // value of the body here (a register chosen at run time would cost
        // every load a SIB byte, in `slots_base`'s many uses too).
        asm!(self.ops
            ; mov r11, QWORD globals
            ; cmp QWORD [r11 + l.vec_flag], 0
            ; jl =>call
            ; cmp QWORD [r11 + l.vec_len], gslot as i32
            ; jbe =>call
            ; mov r11, QWORD [r11 + l.vec_ptr]
            ; cmp QWORD [r11 + at], tags::TYPE as i32
            ; jne =>call
            ; mov r10, QWORD class as i64
            ; cmp [r11 + at + 8], r10
            ; jne =>call
            ; cmp DWORD [r10 + l.attr.type_version], version as i32
            ; jne =>call
        );
    }

    /// GPR `t` = the int at `a`.
    fn int_to(&mut self, t: u8, a: Loc) {
        match a {
            Loc::Slot(s, _) => asm!(self.ops; mov Rq(t), [rbx + pay(s)]),
            Loc::Int(v) => asm!(self.ops; mov Rq(t), QWORD v),
            Loc::Gpr(g) => {
                if g != t {
                    asm!(self.ops; mov Rq(t), Rq(g));
                }
            }
            // Not planned: ints only.
            Loc::Float(_) | Loc::Xmm(_) | Loc::Ref(..) | Loc::Bool(_) | Loc::Const(..) => {}
        }
    }

    /// GPR `t` op= the int at `b`, to `off` on overflow.
    fn int_op(&mut self, op: Op, t: u8, b: Loc, off: DynamicLabel) {
        if let Op::IShr(n) = op {
            if n > 0 {
                asm!(self.ops; sar Rq(t), n as i8);
            }
            return;
        }
        if matches!(op, Op::IAnd | Op::IOr | Op::IXor) {
            self.bit_op(op, t, b);
            return;
        }
        // A constant that fits as an immediate.
        if let Loc::Int(v) = b {
            if let Ok(k) = i32::try_from(v) {
                match op {
                    Op::IAdd => asm!(self.ops; add Rq(t), k),
                    Op::ISub => asm!(self.ops; sub Rq(t), k),
                    _ => asm!(self.ops; imul Rq(t), Rq(t), k),
                }
                asm!(self.ops; jo =>off);
                return;
            }
        }
        // An argument: its payload in the frame.
        if let Loc::Slot(s, _) = b {
            match op {
                Op::IAdd => asm!(self.ops; add Rq(t), QWORD [rbx + pay(s)]),
                Op::ISub => asm!(self.ops; sub Rq(t), QWORD [rbx + pay(s)]),
                _ => asm!(self.ops; imul Rq(t), QWORD [rbx + pay(s)]),
            }
            asm!(self.ops; jo =>off);
            return;
        }
        // The operand into r11 (a large constant).
        let src = match b {
            Loc::Gpr(g) => g,
            _ => {
                self.int_to(11, b);
                11
            }
        };
        match op {
            Op::IAdd => asm!(self.ops; add Rq(t), Rq(src)),
            Op::ISub => asm!(self.ops; sub Rq(t), Rq(src)),
            _ => asm!(self.ops; imul Rq(t), Rq(src)),
        }
        asm!(self.ops; jo =>off);
    }

    /// GPR `t` op= the int at `b`, for `& | ^` (which never overflow).
    fn bit_op(&mut self, op: Op, t: u8, b: Loc) {
        let src = match b {
            Loc::Int(v) if i32::try_from(v).is_ok() => {
                let k = v as i32;
                match op {
                    Op::IAnd => asm!(self.ops; and Rq(t), k),
                    Op::IOr => asm!(self.ops; or Rq(t), k),
                    _ => asm!(self.ops; xor Rq(t), k),
                }
                return;
            }
            Loc::Gpr(g) => g,
            _ => {
                self.int_to(11, b);
                11
            }
        };
        match op {
            Op::IAnd => asm!(self.ops; and Rq(t), Rq(src)),
            Op::IOr => asm!(self.ops; or Rq(t), Rq(src)),
            _ => asm!(self.ops; xor Rq(t), Rq(src)),
        }
    }

    /// To `off` unless the int at `a` converts to a float exactly as
    /// Python's int / int does it (|a| < 2**53: both operands convert
    /// exactly and the division rounds once).
    fn exact_int(&mut self, a: Loc, off: DynamicLabel) {
        match a {
            Loc::Int(v) if v.unsigned_abs() < 1 << 53 => {}
            Loc::Int(_) => asm!(self.ops; jmp =>off),
            Loc::Slot(..) | Loc::Gpr(_) => {
                self.int_to(11, a);
                self.exact_int_in_r11(off);
            }
            Loc::Float(_) | Loc::Xmm(_) | Loc::Ref(..) | Loc::Bool(_) | Loc::Const(..) => {}
        }
    }

    /// XMM `x` = the value at `a` as a float (an int converted, rounding to
    /// nearest as Python's int-to-float does).
    fn float_to(&mut self, x: u8, a: Loc) {
        match a {
            Loc::Slot(s, Ty::Float) => asm!(self.ops; movsd Rx(x), QWORD [rbx + pay(s)]),
            Loc::Slot(s, Ty::Int) => asm!(self.ops; cvtsi2sd Rx(x), QWORD [rbx + pay(s)]),
            Loc::Int(v) => {
                let bits = (v as f64).to_bits() as i64;
                asm!(self.ops; mov r11, QWORD bits; movq Rx(x), r11);
            }
            Loc::Float(bits) => asm!(self.ops; mov r11, QWORD bits as i64; movq Rx(x), r11),
            Loc::Gpr(g) => asm!(self.ops; cvtsi2sd Rx(x), Rq(g)),
            Loc::Xmm(y) => {
                if y != x {
                    asm!(self.ops; movapd Rx(x), Rx(y));
                }
            }
            // Not planned: numbers only.
            Loc::Slot(..) | Loc::Ref(..) | Loc::Bool(_) | Loc::Const(..) => {}
        }
    }

    /// The receiver's table entries (a GPR holding their address), checked
    /// on this way once: the instance's class has plain attribute access,
    /// its table is not borrowed mutably, it has no `__dict__`, and more
    /// than `max_attr` entries (`gen_attr.rs`'s checks, a class that is not
    /// plain going to the real call). None past the registers.
    fn attr_table(
        &mut self,
        st: &mut State,
        recv: Val,
        callee_regs: u16,
        exits: &Exits,
    ) -> Option<u8> {
        let call = exits.call;
        if let Some(t) = st.table {
            return Some(t);
        }
        let Val::Reg(p, Ty::Inst) = recv else {
            unreachable!("a plan reads attributes of its receiver only")
        };
        let t = take(&mut st.gprs, &GPRS)?;
        let at = layout().attr;
        let max = exits.max_attr.unwrap_or(0) as i32;
        self.comment(format_args!(
            "the receiver: plain class, table free, no __dict__, over {max} entries"
        ));
        asm!(self.ops
            ; mov r11, [rbx + pay(callee_regs + p)]
            ; mov r10, [r11 + at.inst_class]
            ; cmp BYTE [r10 + at.type_plain_attrs], 0
            ; je =>call
            ; cmp QWORD [r11 + at.inst_flag], 0
        );
        // A load needs no mutable borrow in progress, a store no borrow.
        if exits.stores {
            asm!(self.ops; jne =>call);
        } else {
            asm!(self.ops; jl =>call);
        }
        asm!(self.ops
            ; cmp QWORD [r11 + at.inst_dict], 0
            ; jne =>call
            ; cmp QWORD [r11 + at.inst_entries_len], max
            ; jbe =>call
            ; mov Rq(t), [r11 + at.inst_entries_ptr]
        );
        st.table = Some(t);
        Some(t)
    }

    /// Where the value of the receiver's attribute `name` (a name index of
    /// the callee) is, at entry `ix` of its table: the GPR holding the
    /// table's entries (`attr_table`) and the value's displacement; to the
    /// real call unless the entry's key is the name (interned: compared by
    /// address, the tag too, as a deleted entry keeps its key's payload).
    /// None past the registers. Uses r10 and r11.
    fn attr_entry(
        &mut self,
        st: &mut State,
        recv: Val,
        (ix, name): (u32, u16),
        callee_regs: u16,
        exits: &Exits,
    ) -> Option<(u8, i32)> {
        let t = self.attr_table(st, recv, callee_regs, exits)?;
        let at = layout().attr;
        let e = ix as i32 * at.entry_size;
        let nm = exits.callee.names[name as usize].addr() as i64;
        asm!(self.ops
            ; cmp QWORD [Rq(t) + e + at.entry_key_tag], tags::STR as i32
            ; jne =>exits.call
            ; mov r11, QWORD nm
            ; cmp [Rq(t) + e + at.entry_key_pay], r11
            ; jne =>exits.call
        );
        Some((t, e + at.entry_value))
    }

    /// GPR `t` = the truth (0 or 1) of the bool, int or None at `a`; to
    /// `call` for any other type (its truth may run Python code).
    fn truth_to(&mut self, t: u8, a: Loc, call: DynamicLabel) {
        let (base, d) = match a {
            Loc::Bool(g) => {
                if g != t {
                    asm!(self.ops; mov Rq(t), Rq(g));
                }
                return;
            }
            Loc::Slot(s, _) => (RBX, slot(s)),
            Loc::Ref(g, d) => (g, d),
            Loc::Const(_, payload) => {
                // None is 0; a bool its payload.
                asm!(self.ops; mov Rd(t), payload as i32);
                return;
            }
            // Not planned: `not` of a number.
            _ => {
                asm!(self.ops; jmp =>call);
                return;
            }
        };
        let (other, back) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        asm!(self.ops
            ; cmp QWORD [Rq(base) + d], tags::BOOL as i32
            ; jne =>other
            ; movzx Rd(t), BYTE [Rq(base) + d + 8]
            ; =>back
        );
        self.cold(move |g| {
            g.comment(format_args!("inline body: the truth of an int or None"));
            asm!(g.ops
                ; =>other
                ; xor Rd(t), Rd(t)
                ; cmp QWORD [Rq(base) + d], tags::NONE as i32
                ; je =>back
                ; cmp QWORD [Rq(base) + d], tags::INT as i32
                ; jne =>call
                ; cmp QWORD [Rq(base) + d + 8], 0
                ; je =>back
                ; mov Rd(t), 1
                ; jmp =>back
            );
        });
    }

    /// To `when_false` unless the bool, int or None at `a` is true; to
    /// `call` for any other type. Uses r11.
    fn truth_false_to(&mut self, a: Loc, when_false: DynamicLabel, call: DynamicLabel) {
        match a {
            Loc::Bool(g) => asm!(self.ops
                ; test Rq(g), Rq(g)
                ; jz =>when_false
            ),
            Loc::Const(_, payload) => {
                if payload == 0 {
                    asm!(self.ops; jmp =>when_false);
                }
            }
            _ => {
                self.truth_to(11, a, call);
                asm!(self.ops
                    ; test r11d, r11d
                    ; jz =>when_false
                );
            }
        }
    }
}

/// Where value `v` is (computed before it is read: `inline::plan`).
fn loc_of(locs: &[Option<Loc>], v: Val) -> Loc {
    match v {
        Val::Reg(r, ty) => match locs[r as usize].expect("a plan's value is computed before use") {
            Loc::Slot(s, _) => Loc::Slot(s, ty),
            l => l,
        },
        Val::Int(k) => Loc::Int(k),
        Val::Float(bits) => Loc::Float(bits),
        Val::Bool(b) => Loc::Const(tags::BOOL, b as u64),
        Val::None => Loc::Const(tags::NONE, 0),
    }
}

/// A free register of `pool` (bit i: `pool[i]` taken), taken.
fn take(used: &mut u32, pool: &[u8]) -> Option<u8> {
    let i = (0..pool.len()).find(|&i| *used & (1 << i) == 0)?;
    *used |= 1 << i;
    Some(pool[i])
}

impl<'a> Gen<'a> {
    /// The plan of `callee`'s body for a call passing `argc` arguments from
    /// `callee_regs`, if it has one: the argument types the site knows,
    /// else what the callee's feedback says (`inline::param_types`).
    /// While recording, the plan comes with how the call is counted
    /// (`inline_counts.rs`), and there is none when it cannot be.
    pub(super) fn inline_plan(
        &mut self,
        callee: &Rc<Code>,
        argc: u16,
        callee_regs: u16,
        method: bool,
    ) -> Option<Planned> {
        if !crate::jit::inline::candidate(callee, argc) {
            return None;
        }
        let tys = crate::jit::inline::param_types(callee, argc, |p| {
            match self.known_tag(callee_regs + p) {
                _ if method && p == 0 => Some(Ty::Inst),
                Some(tags::INT) => Some(Ty::Int),
                Some(tags::FLOAT) => Some(Ty::Float),
                _ => None,
            }
        });
        let plan = crate::jit::inline::plan(callee, &tys)?;
        let count = self.call_counts_to(callee, &plan.body.returns())?;
        Some(Planned {
            plan,
            count,
            callee: callee.clone(),
        })
    }
}

impl<'a> Gen<'a> {
    /// At a call site in a register-allocated loop (where calls of a
    /// global's function are not direct ones, `Gen::const_call`): the plan
    /// of the function the global its callee register was loaded from
    /// holds now, if that function is compiled (so its code lives as long
    /// as the VM, `JitRuntime::compiled`: the code word the check compares
    /// is never another's), and the word. `argc` arguments from
    /// `callee_regs`.
    fn site_inline_plan(
        &mut self,
        pc: u32,
        reg: u16,
        argc: u16,
        callee_regs: u16,
    ) -> Option<Planned> {
        let code = self.code;
        let (slot, _) = crate::jit::inline::global_loaded_into(code, pc, reg)?;
        let f = match code.module.globals.try_borrow().ok()?.get(slot as usize) {
            Some(crate::runtime::value::Value::Function(f)) => *f,
            _ => return None,
        };
        if f.code.jit.compiled.get().is_null() {
            return None;
        }
        self.inline_plan(&f.code, argc, callee_regs, false)
    }

    /// `site_inline_plan`'s body, when the callee register holds a function
    /// of that code; else (and off the plan) on to what follows, the site's
    /// call. `rust_enter`, `done`: as for `emit_inline_call`.
    pub(super) fn emit_site_inline(
        &mut self,
        pc: u32,
        reg: u16,
        argc: u16,
        callee_regs: u16,
        rust_enter: DynamicLabel,
        done: DynamicLabel,
    ) {
        let Some(planned) = self.site_inline_plan(pc, reg, argc, callee_regs) else {
            return;
        };
        let word = code_word(&planned.callee);
        let l = *crate::jit::direct_site::frame_layout();
        let other = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "the global's function of pure arithmetic again? its body inline"
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tags::FUNCTION as i32
            ; jne =>other
            ; mov rax, [rbx + pay(reg)]
            ; mov r11, QWORD word
            ; cmp [rax + l.function_code], r11
            ; jne =>other
        );
        self.emit_inline_call(&planned, reg, callee_regs, rust_enter, done, false, true);
        asm!(self.ops; =>other);
    }

    /// The plain Python method the interpreter's cache of the `CallMethod`
    /// at `pc` found last, if any.
    pub(super) fn cached_method(
        &self,
        pc: u32,
    ) -> Option<crate::runtime::heap::Gc<crate::runtime::object::FunctionObj>> {
        let c = &self.code.caches[pc as usize];
        match (c.kind.get(), c.value.get()) {
            (crate::interp::attr_cache::METHOD, crate::runtime::value::Value::Function(f)) => {
                Some(f)
            }
            _ => None,
        }
    }

    /// At a `CallMethod` site whose cache holds a Python method with a
    /// plan (a getter: `return self.a or (not self.b and self.c)`, richards'
    /// `isTaskHoldingOrWaiting`), the method's code and plan. The site must
    /// keep the code alive (`DirectSite::keep_inlined`), so its word is
    /// never another's.
    pub(super) fn method_inline_plan(
        &mut self,
        pc: u32,
        argc: u16,
        callee_regs: u16,
    ) -> Option<Planned> {
        let f = self.cached_method(pc)?;
        if f.fast_argc != argc + 1 {
            return None;
        }
        let code = f.code.clone();
        self.inline_plan(&code, argc + 1, callee_regs, true)
    }

    /// `method_inline_plan`'s body, after the site's lookup found the
    /// method (r10 its code word): when it is the planned code, its result
    /// into `reg` and on to `done`; else, and off the plan, on to what
    /// follows (the push, which needs the lookup's registers: made again
    /// off the plan by `relookup`, in the cold section). The lookup knows only methods compiled
    /// with a direct entry (`DirectSite::fill`), so until the method is
    /// compiled its calls take the Rust path: a getter is hot before its
    /// caller's loop is, as a rule, and sharing the site's lookup keeps
    /// the receiver's class checked once.
    pub(super) fn emit_method_inline(
        &mut self,
        planned: &Planned,
        reg: u16,
        callee_regs: u16,
        rust_enter: DynamicLabel,
        done: DynamicLabel,
        relookup: impl FnOnce(&mut Gen<'a>) + 'a,
    ) {
        let (push, off) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        self.comment(format_args!("the planned method? its body inline"));
        asm!(self.ops
            ; mov r11, QWORD code_word(&planned.callee)
            ; cmp r10, r11
            ; jne =>push
        );
        self.emit_inline_call(planned, reg, callee_regs, rust_enter, done, true, true);
        asm!(self.ops
            ; jmp =>off
            ; =>push
        );
        self.cold(move |g| {
            g.comment(format_args!(
                "off the plan: the site's lookup again, the real call"
            ));
            asm!(g.ops; =>off);
            relookup(g);
            asm!(g.ops; jmp =>push);
        });
    }
}

/// The word of an `Rc<Code>`, as a constant.
fn code_word(code: &Rc<Code>) -> i64 {
    crate::jit::direct_site::rc_word(code) as i64
}
