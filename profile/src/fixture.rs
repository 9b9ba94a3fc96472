//! A small hand-made profile, consistent with its own source, for the unit
//! tests of the crates that read profiles (the integration tests use real
//! recorded profiles). Its program:
//!
//! ```python
//! def fib(n):                      # 1
//!     if n < 2:                    # 2
//!         return n                 # 3
//!     return fib(n - 1) + fib(n - 2)   # 4
//!                                  # 5
//! def total(xs):                   # 6
//!     s = 0                        # 7
//!     for x in xs:                 # 8
//!         s = s + x                # 9
//!     return s                     # 10
//!                                  # 11
//! print(fib(10))                   # 12
//! print(total([1, 2, 3.5] * 100))  # 13
//! ```

use crate::*;

pub const SOURCE: &str = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\ndef total(xs):\n    s = 0\n    for x in xs:\n        s = s + x\n    return s\n\nprint(fib(10))\nprint(total([1, 2, 3.5] * 100))\n";

/// Function ids in the example.
pub const MODULE: u32 = 0;
pub const FIB: u32 = 1;
pub const TOTAL: u32 = 2;
pub const PRINT: u32 = 3;

fn tc(t: &str, n: u64) -> TypeCount {
    TypeCount {
        type_name: t.into(),
        count: n,
    }
}

fn frame(function: u32, line: u32) -> StackFrame {
    StackFrame { function, line }
}

fn instr(pc: u32, line: u32, col: u32, text: &str, exec_count: u64) -> BytecodeInstr {
    BytecodeInstr {
        pc,
        line,
        col,
        text: text.into(),
        exec_count,
    }
}

pub fn example() -> Profile {
    let ms = 1_000_000u64;
    let python = |id: u32, name: &str, first: u32, last: u32| Function {
        id,
        kind: FunctionKind::Python,
        name: name.into(),
        qualname: name.into(),
        file: Some(0),
        first_line: first,
        last_line: last,
        calls: 0,
        primitive_calls: 0,
        self_ns: 0,
        cumulative_ns: 0,
        callers: vec![],
        jit: Some(FunctionJit {
            status: JitStatus::Interpreted,
            reason: None,
            hotness: 0,
            compiles: 0,
            recompiles: 0,
        }),
        loops: vec![],
        bytecode: vec![],
    };
    let mut module = python(MODULE, "<module>", 1, 13);
    module.calls = 1;
    module.primitive_calls = 1;
    module.self_ns = ms;
    module.cumulative_ns = 12 * ms;
    module.jit.as_mut().unwrap().hotness = 1;

    let mut fib = python(FIB, "fib", 1, 4);
    fib.calls = 177;
    fib.primitive_calls = 1;
    fib.self_ns = 6 * ms;
    fib.cumulative_ns = 6 * ms;
    fib.callers = vec![
        CallerEdge {
            caller: MODULE,
            calls: 1,
            primitive_calls: 1,
            self_ns: 0,
            cumulative_ns: 6 * ms,
        },
        CallerEdge {
            caller: FIB,
            calls: 176,
            primitive_calls: 0,
            self_ns: 6 * ms,
            cumulative_ns: 6 * ms,
        },
    ];
    fib.jit = Some(FunctionJit {
        status: JitStatus::Compiled,
        reason: None,
        hotness: 177,
        compiles: 1,
        recompiles: 0,
    });
    fib.bytecode = vec![
        instr(0, 2, 8, "JumpIfNotLtI r0, 2, 2", 177),
        instr(1, 3, 16, "Return r0", 89),
        instr(2, 4, 12, "LoadGlobal r1, fib", 88),
        instr(3, 4, 16, "SubI r3, r0, 1", 88),
        instr(4, 4, 12, "Call r2, r1, 1", 88),
        instr(5, 4, 12, "Return r2", 88),
    ];

    let mut total = python(TOTAL, "total", 6, 10);
    total.calls = 1;
    total.primitive_calls = 1;
    total.self_ns = 4 * ms;
    total.cumulative_ns = 4 * ms;
    total.callers = vec![CallerEdge {
        caller: MODULE,
        calls: 1,
        primitive_calls: 1,
        self_ns: 4 * ms,
        cumulative_ns: 4 * ms,
    }];
    total.jit = Some(FunctionJit {
        status: JitStatus::Compiled,
        reason: None,
        hotness: 601,
        compiles: 2,
        recompiles: 1,
    });
    total.loops = vec![Loop {
        header_line: 8,
        first_line: 8,
        last_line: 9,
        start_pc: 2,
        end_pc: 4,
        iterations: 299,
    }];
    total.bytecode = vec![
        instr(0, 7, 8, "LoadInt r1, 0", 1),
        instr(1, 8, 14, "GetIter r2, r0", 1),
        instr(2, 8, 5, "ForIter r3, r2, 5", 301),
        instr(3, 9, 13, "Add r1, r1, r3", 300),
        instr(4, 8, 5, "Jump 2", 300),
        instr(5, 10, 12, "Return r1", 1),
    ];

    let print = Function {
        id: PRINT,
        kind: FunctionKind::Builtin,
        name: "print".into(),
        qualname: "print".into(),
        file: None,
        first_line: 0,
        last_line: 0,
        calls: 2,
        primitive_calls: 2,
        self_ns: ms,
        cumulative_ns: ms,
        callers: vec![CallerEdge {
            caller: MODULE,
            calls: 2,
            primitive_calls: 2,
            self_ns: ms,
            cumulative_ns: ms,
        }],
        jit: None,
        loops: vec![],
        bytecode: vec![],
    };

    let line = |line: u32, interp: u64, jit: u64, runtime: u64, exec: u64| Line {
        file: 0,
        line,
        samples: interp + jit + runtime,
        samples_by_tier: TierCounts {
            interpreter: interp,
            jit,
            runtime,
            collector: 0,
            compiler: 0,
        },
        exec_count: exec,
    };

    let stack = |frames: Vec<StackFrame>, tier: Tier, count: u64| SampleStack {
        frames,
        tier,
        count,
    };

    Profile {
        format: FORMAT.into(),
        version: VERSION,
        run: Run {
            program: "example.py".into(),
            argv: vec!["example.py".into()],
            cwd: "/tmp".into(),
            jitprof_version: "0.1.0".into(),
            jit_mode: "auto".into(),
            jit_threshold: 200,
            timing: Timing::Exact,
            started_unix_ms: 1_763_000_000_000,
            end: RunEnd::Normal,
            exit_code: 0,
            exception: None,
        },
        files: vec![SourceFile {
            id: 0,
            path: "example.py".into(),
            source: SOURCE.into(),
        }],
        functions: vec![module, fib, total, print],
        lines: vec![
            line(2, 2, 1, 0, 177),
            line(4, 3, 0, 0, 88),
            line(8, 0, 1, 0, 301),
            line(9, 1, 2, 0, 300),
            line(12, 0, 0, 1, 1),
            line(13, 0, 0, 0, 1),
        ],
        type_sites: vec![
            TypeSite {
                function: FIB,
                pc: 0,
                line: 2,
                col: 8,
                op: "<".into(),
                operands: vec![
                    Operand {
                        role: "left".into(),
                        types: vec![tc("int", 177)],
                        megamorphic: false,
                    },
                    Operand {
                        role: "right".into(),
                        types: vec![tc("int", 177)],
                        megamorphic: false,
                    },
                ],
            },
            TypeSite {
                function: TOTAL,
                pc: 3,
                line: 9,
                col: 13,
                op: "+".into(),
                operands: vec![
                    Operand {
                        role: "left".into(),
                        types: vec![tc("int", 200), tc("float", 100)],
                        megamorphic: false,
                    },
                    Operand {
                        role: "right".into(),
                        types: vec![tc("int", 200), tc("float", 100)],
                        megamorphic: false,
                    },
                ],
            },
        ],
        bails: vec![Bail {
            function: TOTAL,
            pc: 3,
            line: 9,
            col: 13,
            reason: "not_int_or_float".into(),
            description: "an operand was neither int nor float".into(),
            expected: "int + int".into(),
            observed: vec![tc("int + float", 100)],
            count: 100,
            first_stack: vec![frame(MODULE, 13), frame(TOTAL, 9)],
            recompiled: true,
            cost_ns: 150_000,
        }],
        allocations: vec![
            AllocSite {
                function: Some(MODULE),
                pc: 7,
                line: 13,
                type_name: "list".into(),
                count: 2,
                bytes: 4_912,
                jit_count: 0,
                jit_bytes: 0,
            },
            AllocSite {
                function: Some(TOTAL),
                pc: 2,
                line: 8,
                type_name: "list_iterator".into(),
                count: 1,
                bytes: 48,
                jit_count: 0,
                jit_bytes: 0,
            },
        ],
        compiles: vec![
            Compile {
                function: FIB,
                version: 0,
                trigger: CompileTrigger::Hot,
                reason: None,
                at_ns: 2 * ms,
                compile_ns: 40_000,
                code_bytes: 12,
                metadata_bytes: 96,
                peak_heap_bytes: 8_192,
                bytecode_instrs: 6,
                code_address: 0x7f00_0000_0000,
                // push rbx; mov rbx, rsi; xor eax, eax; pop rbx; ret; nop x4
                code_hex: "534889f331c05bc390909090".into(),
                pc_offsets: vec![0, 4, 6, 7, 8, 8],
                notes: vec![CodeNote {
                    offset: 4,
                    text: "guard: int".into(),
                }],
            },
            Compile {
                function: TOTAL,
                version: 0,
                trigger: CompileTrigger::Hot,
                reason: None,
                at_ns: 5 * ms,
                compile_ns: 30_000,
                code_bytes: 4,
                metadata_bytes: 64,
                peak_heap_bytes: 4_096,
                bytecode_instrs: 6,
                code_address: 0x7f00_0000_1000,
                code_hex: "90909090".into(),
                pc_offsets: vec![0, 1, 2, 3, 4, 4],
                notes: vec![],
            },
            Compile {
                function: TOTAL,
                version: 1,
                trigger: CompileTrigger::Recompile,
                reason: Some("line 9: not_int_or_float".into()),
                at_ns: 9 * ms,
                compile_ns: 35_000,
                code_bytes: 4,
                metadata_bytes: 64,
                peak_heap_bytes: 4_096,
                bytecode_instrs: 6,
                code_address: 0x7f00_0000_2000,
                code_hex: "90909090".into(),
                pc_offsets: vec![0, 1, 2, 3, 4, 4],
                notes: vec![],
            },
        ],
        samples: Samples {
            rate_hz: 1000,
            interval_ns: ms,
            total: 11,
            stacks: vec![
                stack(vec![frame(MODULE, 12), frame(FIB, 2)], Tier::Interpreter, 2),
                stack(vec![frame(MODULE, 12), frame(FIB, 2)], Tier::Jit, 1),
                stack(vec![frame(MODULE, 12), frame(FIB, 4)], Tier::Interpreter, 3),
                stack(vec![frame(MODULE, 13), frame(TOTAL, 8)], Tier::Jit, 1),
                stack(
                    vec![frame(MODULE, 13), frame(TOTAL, 9)],
                    Tier::Interpreter,
                    1,
                ),
                stack(vec![frame(MODULE, 13), frame(TOTAL, 9)], Tier::Jit, 2),
                stack(vec![frame(MODULE, 12), frame(PRINT, 0)], Tier::Runtime, 1),
            ],
        },
        summary: Summary {
            wall_ns: 12 * ms,
            tier_ns: TierCounts {
                interpreter: 6 * ms,
                jit: 4 * ms,
                runtime: ms,
                collector: 0,
                compiler: 105_000,
            },
            peak_rss_bytes: 8 << 20,
            heap_by_type: vec![
                HeapType {
                    type_name: "list".into(),
                    count: 2,
                    bytes: 4_912,
                },
                HeapType {
                    type_name: "list_iterator".into(),
                    count: 1,
                    bytes: 48,
                },
            ],
            allocations: 3,
            allocated_bytes: 4_960,
            gc_collections: 0,
            gc_ns: 0,
            compiles: 3,
            recompiles: 1,
            compile_ns: 105_000,
            jit_code_bytes: 20,
            jit_metadata_bytes: 224,
            exits_by_reason: vec![
                ReasonCount {
                    reason: "not_int_or_float".into(),
                    count: 100,
                },
                ReasonCount {
                    reason: "int_overflow".into(),
                    count: 0,
                },
            ],
            bails: 100,
            recorder_overhead_ns: 50_000,
        },
    }
}
