//! The state cold code runs in (`Gen::cold`), as stored with each closure
//! queued: 16 bytes, packed.

use super::{Deferred, Gen, Mode};
use dynasmrt::DynamicLabel;

/// The state cold code runs in (`Gen::cold`): the queueing code's.
#[derive(Clone, Copy)]
pub(super) struct ColdExtra {
    pub mode: Mode,
    pub copying: Option<u16>,
    pub deferred: Option<Deferred>,
    pub pending_zero: u64,
    pub zero_redirect: Option<(u32, DynamicLabel)>,
}

/// A `ColdExtra` as stored with each cold closure: the mode and the copied
/// region packed when nothing else is set (nearly always), else an index
/// into `Gen::cold_extras`.
#[derive(Clone, Copy)]
pub(super) struct ColdMode {
    /// `Mode::clean`, or the index into `cold_extras` (`EXTRA`).
    clean: u64,
    /// `Mode::pc`, with the flags `REGS` and `EXTRA`.
    pc: u32,
    /// `Mode::region` and `RegState::copying`, `NO_U16` for None.
    region: u16,
    copying: u16,
}

impl ColdMode {
    /// `Mode::regs`.
    const REGS: u32 = 1 << 31;
    /// The state is `cold_extras[clean]`.
    const EXTRA: u32 = 1 << 30;
    const NO_U16: u16 = u16::MAX;

    /// `g`'s state packed, if it has nothing besides the mode and the
    /// copied region and they fit.
    #[inline]
    pub(super) fn pack(g: &Gen) -> Option<ColdMode> {
        let rest_none = g.deferred.is_none() && g.pending_zero == 0 && g.zero_redirect.is_none();
        rest_none
            .then(|| Self::pack_mode(&g.rs.mode, g.rs.copying))
            .flatten()
    }

    /// The mode and the copied region packed, if they fit.
    #[inline]
    fn pack_mode(m: &Mode, copying: Option<u16>) -> Option<ColdMode> {
        let fits =
            m.pc < Self::EXTRA && m.region != Some(Self::NO_U16) && copying != Some(Self::NO_U16);
        fits.then(|| ColdMode {
            clean: m.clean,
            pc: m.pc | if m.regs { Self::REGS } else { 0 },
            region: m.region.unwrap_or(Self::NO_U16),
            copying: copying.unwrap_or(Self::NO_U16),
        })
    }

    /// `pack_mode` undone (not for `extra`).
    #[inline]
    fn mode(self) -> (Mode, Option<u16>) {
        let some = |v: u16| (v != Self::NO_U16).then_some(v);
        let mode = Mode {
            region: some(self.region),
            regs: self.pc & Self::REGS != 0,
            pc: self.pc & !Self::REGS,
            clean: self.clean,
        };
        (mode, some(self.copying))
    }

    /// The state kept aside as `cold_extras[i]`.
    pub(super) fn extra(i: usize) -> ColdMode {
        ColdMode {
            clean: i as u64,
            pc: Self::EXTRA,
            region: Self::NO_U16,
            copying: Self::NO_U16,
        }
    }

    /// Make the state `g`'s.
    #[inline]
    pub(super) fn restore(self, g: &mut Gen) {
        if self.pc & Self::EXTRA != 0 {
            let e = g.cold_extras[self.clean as usize];
            g.rs.mode = e.mode;
            g.rs.copying = e.copying;
            g.deferred = e.deferred;
            g.pending_zero = e.pending_zero;
            g.zero_redirect = e.zero_redirect;
            return;
        }
        (g.rs.mode, g.rs.copying) = self.mode();
        g.deferred = None;
        g.pending_zero = 0;
        g.zero_redirect = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &Mode, b: &Mode) -> bool {
        (a.region, a.regs, a.pc, a.clean) == (b.region, b.regs, b.pc, b.clean)
    }

    #[test]
    fn modes_pack_in_16_bytes_and_back() {
        assert_eq!(std::mem::size_of::<ColdMode>(), 16);
        for region in [None, Some(0), Some(7), Some(u16::MAX - 1)] {
            for copying in [None, Some(0), Some(u16::MAX - 1)] {
                for regs in [false, true] {
                    for pc in [0, 1, 1029, ColdMode::EXTRA - 1] {
                        for clean in [0, 1, u64::MAX] {
                            let m = Mode {
                                region,
                                regs,
                                pc,
                                clean,
                            };
                            let p = ColdMode::pack_mode(&m, copying).expect("packs");
                            let (back, c) = p.mode();
                            assert!(same(&back, &m) && c == copying, "{m:?} {copying:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn modes_that_do_not_fit_are_not_packed() {
        let m = |region, pc| Mode {
            region,
            regs: true,
            pc,
            clean: 3,
        };
        assert!(ColdMode::pack_mode(&m(Some(u16::MAX), 5), None).is_none());
        assert!(ColdMode::pack_mode(&m(None, 5), Some(u16::MAX)).is_none());
        assert!(ColdMode::pack_mode(&m(None, ColdMode::EXTRA), None).is_none());
        assert!(ColdMode::pack_mode(&m(None, u32::MAX), None).is_none());
    }
}
