//! The sort behind `sorted()` (and usable by `list.sort`): a port of CPython
//! 3.11's `listsort` — count_run, binary insertion sort for short runs, the
//! powersort merge policy, and galloping merges — so that programs see the
//! same sequence of `<` comparisons as on CPython. That matters beyond
//! speed: the first failing comparison decides the TypeError message
//! (`'<' not supported between instances of 'str' and 'int'`), and a key or
//! `__lt__` with side effects observes the order.
//!
//! Every element is a (key, value) pair; comparisons look only at keys.
//! On a comparison error the elements are left permuted but all present, as
//! in CPython.

use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

type Elem = (Value, Value);

/// Galloping starts after this many consecutive wins by one run.
const MIN_GALLOP: usize = 7;

/// Sort `items` in place, stably, by `key(item)` (or the items themselves),
/// ascending or, with `reverse`, descending while keeping equal items in
/// their original order. Keys are computed first, once per item, in order.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut [Value],
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    // Everything stays rooted while keys and comparisons run Python code.
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let r = sort_rooted(vm, items, key, reverse);
    vm.temp_roots.truncate(base);
    r
}

fn sort_rooted(
    vm: &mut Vm,
    items: &mut [Value],
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let mut a: Vec<Elem> = Vec::with_capacity(items.len());
    match key {
        Some(f) => {
            for &v in items.iter() {
                let k = vm.call_value(f, &[v], &[])?;
                vm.temp_roots.push(k);
                a.push((k, v));
            }
        }
        None => a.extend(items.iter().map(|v| (*v, *v))),
    }
    // CPython reverses before and after sorting so that a reverse sort is
    // still stable and still uses only `<`.
    if reverse {
        a.reverse();
    }
    let mut s = Sorter {
        vm,
        a,
        tmp: Vec::new(),
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    let r = s.sort();
    let mut a = s.a;
    if reverse {
        a.reverse();
    }
    for (dst, (_, v)) in items.iter_mut().zip(a) {
        *dst = v;
    }
    r
}

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct Sorter<'v> {
    vm: &'v mut Vm,
    a: Vec<Elem>,
    /// Scratch space for merges (CPython's `ms->a`).
    tmp: Vec<Elem>,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// How a merge loop ended (CPython's goto labels).
enum MergeEnd {
    Succeed,
    /// merge_lo: one A element left; merge_hi: one B element left.
    CopyRest,
    Fail(PyExc),
}

fn minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Depth of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2) in
/// the conceptual binary merge tree over a list of length n (powersort).
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// Leftmost position in sorted `s` at which `key` could be inserted
/// (`s[k-1] < key <= s[k]`), searching outward from `hint`.
fn gallop_left(vm: &mut Vm, key: Value, s: &[Elem], hint: usize) -> PyResult<usize> {
    let n = s.len() as isize;
    let hint = hint as isize;
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if vm.less_than(s[hint as usize].0, key)? {
        let maxofs = n - hint;
        while ofs < maxofs {
            if vm.less_than(s[(hint + ofs) as usize].0, key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if vm.less_than(s[(hint - ofs) as usize].0, key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if vm.less_than(s[m as usize].0, key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// Rightmost position in sorted `s` at which `key` could be inserted
/// (`s[k-1] <= key < s[k]`), searching outward from `hint`.
fn gallop_right(vm: &mut Vm, key: Value, s: &[Elem], hint: usize) -> PyResult<usize> {
    let n = s.len() as isize;
    let hint = hint as isize;
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if vm.less_than(key, s[hint as usize].0)? {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if vm.less_than(key, s[(hint - ofs) as usize].0)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        let maxofs = n - hint;
        while ofs < maxofs {
            if vm.less_than(key, s[(hint + ofs) as usize].0)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if vm.less_than(key, s[m as usize].0)? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

impl Sorter<'_> {
    fn lt(&mut self, x: Value, y: Value) -> PyResult<bool> {
        self.vm.less_than(x, y)
    }

    fn sort(&mut self) -> PyResult<()> {
        let n = self.a.len();
        if n < 2 {
            return Ok(());
        }
        let minrun = minrun(n);
        let mut lo = 0;
        let mut remaining = n;
        while remaining > 0 {
            let (mut run, descending) = self.count_run(lo, lo + remaining)?;
            if descending {
                self.a[lo..lo + run].reverse();
            }
            if run < minrun {
                let force = remaining.min(minrun);
                self.binarysort(lo, lo + force, lo + run)?;
                run = force;
            }
            self.found_new_run(run)?;
            self.pending.push(Run {
                base: lo,
                len: run,
                power: 0,
            });
            lo += run;
            remaining -= run;
        }
        // merge_force_collapse
        while self.pending.len() > 1 {
            let mut i = self.pending.len() - 2;
            if i > 0 && self.pending[i - 1].len < self.pending[i + 1].len {
                i -= 1;
            }
            self.merge_at(i)?;
        }
        Ok(())
    }

    /// Length of the run starting at `lo` (before `hi`) and whether it is
    /// strictly descending.
    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 >= hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut i = lo + 2;
        if self.lt(self.a[lo + 1].0, self.a[lo].0)? {
            while i < hi && self.lt(self.a[i].0, self.a[i - 1].0)? {
                n += 1;
                i += 1;
            }
            Ok((n, true))
        } else {
            while i < hi && !self.lt(self.a[i].0, self.a[i - 1].0)? {
                n += 1;
                i += 1;
            }
            Ok((n, false))
        }
    }

    /// Binary insertion sort of [lo, hi), where [lo, start) is already sorted.
    fn binarysort(&mut self, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.a[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot.0, self.a[p].0)? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.a.copy_within(l..start, l + 1);
            self.a[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// Powersort: merge pending runs deeper in the merge tree than the
    /// boundary in front of the new run of length `n2`.
    fn found_new_run(&mut self, n2: usize) -> PyResult<()> {
        let Some(last) = self.pending.last().copied() else {
            return Ok(());
        };
        let power = powerloop(last.base, last.len, n2, self.a.len());
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(self.pending.len() - 2)?;
        }
        if let Some(l) = self.pending.last_mut() {
            l.power = power;
        }
        Ok(())
    }

    /// Merge pending runs i and i+1.
    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let (mut pa, mut na) = (self.pending[i].base, self.pending[i].len);
        let (pb, mut nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        if i + 3 == self.pending.len() {
            self.pending[i + 1] = self.pending[i + 2];
        }
        self.pending.pop();
        // Elements of A before where B's first element goes are already in place.
        let k = gallop_right(self.vm, self.a[pb].0, &self.a[pa..pa + na], 0)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Likewise elements of B after where A's last element goes.
        nb = gallop_left(self.vm, self.a[pa + na - 1].0, &self.a[pb..pb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(pa, na, pb, nb)
        } else {
            self.merge_hi(pa, na, pb, nb)
        }
    }

    /// Merge A = a[pa..pa+na] and the following B in place, na <= nb, with A
    /// copied out to `tmp`.
    fn merge_lo(&mut self, pa: usize, mut na: usize, pb: usize, mut nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[pa..pa + na]);
        let (mut dest, mut ia, mut ib) = (pa, 0usize, pb);
        self.a[dest] = self.a[ib];
        dest += 1;
        ib += 1;
        nb -= 1;
        let end = 'run: {
            if nb == 0 {
                break 'run MergeEnd::Succeed;
            }
            if na == 1 {
                break 'run MergeEnd::CopyRest;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                // One element at a time until one run wins consistently.
                loop {
                    let b_first = match self.vm.less_than(self.a[ib].0, self.tmp[ia].0) {
                        Ok(k) => k,
                        Err(e) => break 'run MergeEnd::Fail(e),
                    };
                    if b_first {
                        self.a[dest] = self.a[ib];
                        dest += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'run MergeEnd::Succeed;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[dest] = self.tmp[ia];
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            break 'run MergeEnd::CopyRest;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                // Galloping mode.
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match gallop_right(self.vm, self.a[ib].0, &self.tmp[ia..ia + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'run MergeEnd::Fail(e),
                    };
                    acount = k;
                    if k > 0 {
                        self.a[dest..dest + k].copy_from_slice(&self.tmp[ia..ia + k]);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            break 'run MergeEnd::CopyRest;
                        }
                        // Only possible with an inconsistent comparison.
                        if na == 0 {
                            break 'run MergeEnd::Succeed;
                        }
                    }
                    self.a[dest] = self.a[ib];
                    dest += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'run MergeEnd::Succeed;
                    }
                    let k = match gallop_left(self.vm, self.tmp[ia].0, &self.a[ib..ib + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'run MergeEnd::Fail(e),
                    };
                    bcount = k;
                    if k > 0 {
                        self.a.copy_within(ib..ib + k, dest);
                        dest += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            break 'run MergeEnd::Succeed;
                        }
                    }
                    self.a[dest] = self.tmp[ia];
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        break 'run MergeEnd::CopyRest;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            MergeEnd::CopyRest => {
                // The last element of A belongs after all that remains of B.
                self.a.copy_within(ib..ib + nb, dest);
                self.a[dest + nb] = self.tmp[ia];
                Ok(())
            }
            MergeEnd::Succeed | MergeEnd::Fail(_) => {
                if na > 0 {
                    self.a[dest..dest + na].copy_from_slice(&self.tmp[ia..ia + na]);
                }
                match end {
                    MergeEnd::Fail(e) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }

    /// Merge A = a[pa..pa+na] and the following B in place, na > nb, from the
    /// right, with B copied out to `tmp`.
    fn merge_hi(&mut self, pa: usize, mut na: usize, pb: usize, mut nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[pb..pb + nb]);
        let basea = pa;
        // Signed: `ia` and `dest` may step to just before the start of A.
        let mut dest = (pb + nb - 1) as isize;
        let mut ia = (pa + na - 1) as isize;
        let mut ib = nb as isize - 1;
        let u = |i: isize| i as usize;
        self.a[u(dest)] = self.a[u(ia)];
        dest -= 1;
        ia -= 1;
        na -= 1;
        let end = 'run: {
            if na == 0 {
                break 'run MergeEnd::Succeed;
            }
            if nb == 1 {
                break 'run MergeEnd::CopyRest;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    let b_less = match self.vm.less_than(self.tmp[u(ib)].0, self.a[u(ia)].0) {
                        Ok(k) => k,
                        Err(e) => break 'run MergeEnd::Fail(e),
                    };
                    if b_less {
                        self.a[u(dest)] = self.a[u(ia)];
                        dest -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'run MergeEnd::Succeed;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[u(dest)] = self.tmp[u(ib)];
                        dest -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            break 'run MergeEnd::CopyRest;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match gallop_right(
                        self.vm,
                        self.tmp[u(ib)].0,
                        &self.a[basea..basea + na],
                        na - 1,
                    ) {
                        Ok(k) => na - k,
                        Err(e) => break 'run MergeEnd::Fail(e),
                    };
                    acount = k;
                    if k > 0 {
                        let ki = k as isize;
                        dest -= ki;
                        ia -= ki;
                        self.a.copy_within(u(ia + 1)..u(ia + 1 + ki), u(dest + 1));
                        na -= k;
                        if na == 0 {
                            break 'run MergeEnd::Succeed;
                        }
                    }
                    self.a[u(dest)] = self.tmp[u(ib)];
                    dest -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        break 'run MergeEnd::CopyRest;
                    }
                    let k = match gallop_left(self.vm, self.a[u(ia)].0, &self.tmp[..nb], nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => break 'run MergeEnd::Fail(e),
                    };
                    bcount = k;
                    if k > 0 {
                        let ki = k as isize;
                        dest -= ki;
                        ib -= ki;
                        self.a[u(dest + 1)..u(dest + 1 + ki)]
                            .copy_from_slice(&self.tmp[u(ib + 1)..u(ib + 1 + ki)]);
                        nb -= k;
                        if nb == 1 {
                            break 'run MergeEnd::CopyRest;
                        }
                        // Only possible with an inconsistent comparison.
                        if nb == 0 {
                            break 'run MergeEnd::Succeed;
                        }
                    }
                    self.a[u(dest)] = self.a[u(ia)];
                    dest -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'run MergeEnd::Succeed;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            MergeEnd::CopyRest => {
                // The first element of B belongs before all that remains of A.
                let nai = na as isize;
                self.a
                    .copy_within(u(ia + 1 - nai)..u(ia + 1), u(dest + 1 - nai));
                dest -= nai;
                self.a[u(dest)] = self.tmp[u(ib)];
                Ok(())
            }
            MergeEnd::Succeed | MergeEnd::Fail(_) => {
                if nb > 0 {
                    let start = u(dest + 1 - nb as isize);
                    self.a[start..start + nb].copy_from_slice(&self.tmp[..nb]);
                }
                match end {
                    MergeEnd::Fail(e) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }
}
