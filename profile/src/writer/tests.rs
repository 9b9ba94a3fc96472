//! The hand-written JSON against the derived `Serialize`, byte for byte.

use super::*;
use crate::fixture::example;

fn derived(p: &Profile) -> Vec<u8> {
    serde_json::to_vec(p).unwrap()
}

#[track_caller]
fn same(p: &Profile) {
    let ours = to_vec(p, &[]);
    let want = derived(p);
    if ours != want {
        let at = ours.iter().zip(&want).take_while(|(a, b)| a == b).count();
        let from = at.saturating_sub(60);
        panic!(
            "differ at byte {at}:\n ours: {}\n serde: {}",
            String::from_utf8_lossy(&ours[from..(at + 60).min(ours.len())]),
            String::from_utf8_lossy(&want[from..(at + 60).min(want.len())]),
        );
    }
}

#[test]
fn the_example_is_written_as_serde_json_writes_it() {
    same(&example());
}

/// Every `Option` the other way, every enum's other variants, strings
/// that need escaping, extreme integers, empty lists.
#[test]
fn edge_cases_are_written_as_serde_json_writes_them() {
    let odd = "a \"quoted\"\ttab\\ é – ✓ 𝄞 \u{1}\u{1f}\u{7f}";
    let mut p = example();
    p.run.exception = Some(odd.into());
    p.run.exit_code = i32::MIN;
    p.run.argv = vec![odd.into(), String::new()];
    p.run.timing = Timing::Sampled;
    same(&p);
    for end in [
        RunEnd::Normal,
        RunEnd::Exception,
        RunEnd::SysExit,
        RunEnd::Interrupted,
    ] {
        p.run.end = end;
        same(&p);
    }
    p.files[0].source = format!("{odd}\n{}", p.files[0].source);
    for f in &mut p.functions {
        f.file = f.file.map_or(Some(0), |_| None);
        f.calls = u64::MAX;
        f.qualname = odd.into();
        if let Some(j) = &mut f.jit {
            j.reason = Some(odd.into());
        }
        for b in &mut f.bytecode {
            b.text.push_str(odd);
        }
    }
    for status in [
        JitStatus::Compiled,
        JitStatus::Interpreted,
        JitStatus::Refused,
    ] {
        p.functions[0].jit.as_mut().unwrap().status = status;
        same(&p);
    }
    p.functions[0].jit = None;
    p.functions[1].kind = FunctionKind::Builtin;
    for a in &mut p.allocations {
        a.function = a.function.map_or(Some(1), |_| None);
        a.type_name = odd.into();
    }
    for s in &mut p.type_sites {
        s.op = odd.into();
        for o in &mut s.operands {
            o.megamorphic = !o.megamorphic;
        }
    }
    for b in &mut p.bails {
        b.observed.push(TypeCount {
            type_name: odd.into(),
            count: 0,
        });
        b.recompiled = !b.recompiled;
    }
    for c in &mut p.compiles {
        c.reason = c.reason.clone().map_or(Some(odd.into()), |_| None);
        c.code_hex = odd.into();
        c.notes.push(CodeNote {
            offset: u32::MAX,
            text: odd.into(),
        });
    }
    for t in [
        CompileTrigger::Hot,
        CompileTrigger::Eager,
        CompileTrigger::Recompile,
    ] {
        p.compiles[0].trigger = t;
        same(&p);
    }
    for t in Tier::ALL {
        p.samples.stacks[0].tier = t;
        same(&p);
    }
    p.summary.heap_by_type[0].type_name = odd.into();
    p.summary.exits_by_reason[0].reason = odd.into();
    same(&p);
    let empty = Profile {
        files: vec![],
        functions: vec![],
        lines: vec![],
        type_sites: vec![],
        bails: vec![],
        allocations: vec![],
        compiles: vec![],
        samples: Samples::default(),
        summary: Summary::default(),
        ..example()
    };
    same(&empty);
}

/// `code_hex` from the code where given, the text where not.
#[test]
fn code_hex_is_encoded_from_the_code_given() {
    let mut with_text = example();
    let code: Vec<Vec<u8>> = (0..with_text.compiles.len())
        .map(|i| (0..40 * i + 3).map(|b| (b * 7 + i) as u8).collect())
        .collect();
    for (c, bytes) in with_text.compiles.iter_mut().zip(&code) {
        c.code_hex = crate::hex::to_string(bytes);
    }
    let mut without = with_text.clone();
    for c in &mut without.compiles {
        c.code_hex.clear();
    }
    let slices: Vec<&[u8]> = code.iter().map(|c| &c[..]).collect();
    assert_eq!(to_vec(&without, &slices), derived(&with_text));
    // Fewer slices than compiles: the rest from their text.
    without.compiles[2].code_hex = with_text.compiles[2].code_hex.clone();
    assert_eq!(to_vec(&without, &slices[..2]), derived(&with_text));
}

/// Instruction texts from the function given, in place of the profile's;
/// the rest of each function (all its fields) as the derived text has it.
#[test]
fn instruction_texts_are_made_by_the_function_given() {
    let mut with_text = example();
    for (f, func) in with_text.functions.iter_mut().enumerate() {
        for (pc, b) in func.bytecode.iter_mut().enumerate() {
            b.text = format!("Op{f} r{pc} \"{}\" é\t", "x".repeat(pc * 9));
        }
    }
    let mut without = with_text.clone();
    for b in without.functions.iter_mut().flat_map(|f| &mut f.bytecode) {
        b.text.clear();
    }
    let text = |f: usize, pc: usize, out: &mut String| {
        out.push_str(&format!("Op{f} r{pc} \"{}\" é\t", "x".repeat(pc * 9)));
    };
    let d = Deferred {
        code: &[],
        text: Some(&text),
    };
    assert_eq!(to_vec_deferred(&without, &d), derived(&with_text));
}

/// Through a writer, with texts and code longer than the buffer: the same
/// bytes as in memory; a writer's error is returned.
#[test]
fn a_writer_gets_the_same_text_and_its_errors_are_returned() {
    let mut p = example();
    p.files[0].source = "x = 1\n".repeat(40_000);
    p.functions[1].bytecode[0].text = "y".repeat(40_000);
    let code: Vec<u8> = (0..300_000u32).map(|i| (i * 31) as u8).collect();
    let slices: Vec<&[u8]> = vec![&code, &code[..70_000]];
    let mut file = Vec::new();
    write(&p, &slices, &mut file).unwrap();
    assert_eq!(file, to_vec(&p, &slices));
    assert!(serde_json::from_slice::<serde_json::Value>(&file).is_ok());

    struct Full(usize);
    impl Write for Full {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            if self.0 < b.len() {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "full"));
            }
            self.0 -= b.len();
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let e = write(&p, &slices, &mut Full(100_000)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::StorageFull);
}
