//! The native item storage: [`Store`] (one `Vec` per item type), the
//! [`Num`] an item reads as, and the per-type [`Elem`] conversions.

/// The items, natively. 'l' and 'q' share I64, 'L' and 'Q' share U64: the
/// typecode (kept beside) decides conversions and messages.
#[derive(Clone)]
pub(super) enum Store {
    I8(Vec<i8>),
    U8(Vec<u8>),
    I16(Vec<i16>),
    U16(Vec<u16>),
    I32(Vec<i32>),
    U32(Vec<u32>),
    I64(Vec<i64>),
    U64(Vec<u64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

macro_rules! each {
    ($s:expr, $v:ident => $e:expr) => {
        match $s {
            Store::I8($v) => $e,
            Store::U8($v) => $e,
            Store::I16($v) => $e,
            Store::U16($v) => $e,
            Store::I32($v) => $e,
            Store::U32($v) => $e,
            Store::I64($v) => $e,
            Store::U64($v) => $e,
            Store::F32($v) => $e,
            Store::F64($v) => $e,
        }
    };
}

/// Two stores of the same variant (callers check the typecodes match).
macro_rules! pair {
    ($a:expr, $b:expr, $x:ident, $y:ident => $e:expr) => {
        match ($a, $b) {
            (Store::I8($x), Store::I8($y)) => $e,
            (Store::U8($x), Store::U8($y)) => $e,
            (Store::I16($x), Store::I16($y)) => $e,
            (Store::U16($x), Store::U16($y)) => $e,
            (Store::I32($x), Store::I32($y)) => $e,
            (Store::U32($x), Store::U32($y)) => $e,
            (Store::I64($x), Store::I64($y)) => $e,
            (Store::U64($x), Store::U64($y)) => $e,
            (Store::F32($x), Store::F32($y)) => $e,
            (Store::F64($x), Store::F64($y)) => $e,
            _ => unreachable!("array stores of different kinds"),
        }
    };
}

/// An item as a Python number: exact for every integer typecode.
#[derive(Clone, Copy, Debug)]
pub(super) enum Num {
    I(i128),
    F(f64),
}

trait Elem: Copy + 'static {
    const SIZE: usize;
    fn num(self) -> Num;
    /// From a number already checked to fit.
    fn from_num(n: Num) -> Self;
    fn write_le(self, out: &mut Vec<u8>);
    fn read_le(b: &[u8]) -> Self;
    fn swap(self) -> Self;
}

macro_rules! int_elem {
    ($t:ty) => {
        impl Elem for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            #[inline]
            fn num(self) -> Num {
                Num::I(self as i128)
            }
            #[inline]
            fn from_num(n: Num) -> Self {
                match n {
                    Num::I(i) => i as $t,
                    Num::F(f) => f as $t,
                }
            }
            fn write_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn read_le(b: &[u8]) -> Self {
                <$t>::from_le_bytes(b.try_into().expect("item size"))
            }
            fn swap(self) -> Self {
                self.swap_bytes()
            }
        }
    };
}
int_elem!(i8);
int_elem!(u8);
int_elem!(i16);
int_elem!(u16);
int_elem!(i32);
int_elem!(u32);
int_elem!(i64);
int_elem!(u64);

macro_rules! float_elem {
    ($t:ty) => {
        impl Elem for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            #[inline]
            fn num(self) -> Num {
                Num::F(self as f64)
            }
            #[inline]
            fn from_num(n: Num) -> Self {
                match n {
                    Num::I(i) => i as $t,
                    Num::F(f) => f as $t,
                }
            }
            fn write_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn read_le(b: &[u8]) -> Self {
                <$t>::from_le_bytes(b.try_into().expect("item size"))
            }
            fn swap(self) -> Self {
                <$t>::from_bits(self.to_bits().swap_bytes())
            }
        }
    };
}
float_elem!(f32);
float_elem!(f64);

impl Store {
    pub(super) fn new(code: u8) -> Store {
        match code {
            b'b' => Store::I8(Vec::new()),
            b'B' => Store::U8(Vec::new()),
            b'h' => Store::I16(Vec::new()),
            b'H' => Store::U16(Vec::new()),
            b'i' => Store::I32(Vec::new()),
            b'I' => Store::U32(Vec::new()),
            b'l' | b'q' => Store::I64(Vec::new()),
            b'L' | b'Q' => Store::U64(Vec::new()),
            b'f' => Store::F32(Vec::new()),
            _ => Store::F64(Vec::new()),
        }
    }
    #[inline]
    pub(super) fn len(&self) -> usize {
        each!(self, v => v.len())
    }
    pub(super) fn itemsize(&self) -> usize {
        each!(self, v => item_size(v))
    }
    #[inline]
    pub(super) fn get(&self, i: usize) -> Num {
        each!(self, v => v[i].num())
    }
    #[inline]
    pub(super) fn set(&mut self, i: usize, n: Num) {
        each!(self, v => v[i] = Elem::from_num(n))
    }
    pub(super) fn push(&mut self, n: Num) {
        each!(self, v => v.push(Elem::from_num(n)))
    }
    pub(super) fn insert(&mut self, i: usize, n: Num) {
        each!(self, v => v.insert(i, Elem::from_num(n)))
    }
    pub(super) fn remove(&mut self, i: usize) {
        each!(self, v => {
            v.remove(i);
        })
    }
    pub(super) fn reverse(&mut self) {
        each!(self, v => v.reverse())
    }
    pub(super) fn byteswap(&mut self) {
        each!(self, v => {
            for x in v.iter_mut() {
                *x = x.swap();
            }
        })
    }
    fn empty_like(&self) -> Store {
        Store::empty_of(self)
    }
    fn empty_of(s: &Store) -> Store {
        match s {
            Store::I8(_) => Store::I8(Vec::new()),
            Store::U8(_) => Store::U8(Vec::new()),
            Store::I16(_) => Store::I16(Vec::new()),
            Store::U16(_) => Store::U16(Vec::new()),
            Store::I32(_) => Store::I32(Vec::new()),
            Store::U32(_) => Store::U32(Vec::new()),
            Store::I64(_) => Store::I64(Vec::new()),
            Store::U64(_) => Store::U64(Vec::new()),
            Store::F32(_) => Store::F32(Vec::new()),
            Store::F64(_) => Store::F64(Vec::new()),
        }
    }
    /// The items at these positions, as a new store.
    pub(super) fn pick(&self, pos: impl Iterator<Item = usize>) -> Store {
        let mut out = self.empty_like();
        pair!(&mut out, self, o, s => o.extend(pos.map(|i| s[i])));
        out
    }
    pub(super) fn extend_from(&mut self, other: &Store) {
        pair!(self, other, a, b => a.extend_from_slice(b))
    }
    /// self[lo:hi] = other (same kind).
    pub(super) fn splice(&mut self, lo: usize, hi: usize, other: &Store) {
        pair!(self, other, a, b => {
            a.splice(lo..hi, b.iter().copied());
        })
    }
    pub(super) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len() * self.itemsize());
        each!(self, v => {
            for x in v.iter() {
                x.write_le(&mut out);
            }
        });
        out
    }
    /// Append items read from `b` (its length is a multiple of the item size).
    pub(super) fn extend_bytes(&mut self, b: &[u8]) {
        each!(self, v => extend_le(v, b))
    }
    pub(super) fn repeat(&self, n: usize) -> Store {
        let mut out = self.empty_like();
        pair!(&mut out, self, o, s => {
            o.reserve(s.len() * n);
            for _ in 0..n {
                o.extend_from_slice(s);
            }
        });
        out
    }
    /// Keep the items whose position `keep` accepts.
    pub(super) fn retain_positions(&mut self, mut keep: impl FnMut(usize) -> bool) {
        each!(self, v => {
            let mut i = 0;
            v.retain(|_| {
                let k = keep(i);
                i += 1;
                k
            });
        })
    }
}

fn item_size<T: Elem>(_: &[T]) -> usize {
    T::SIZE
}

fn extend_le<T: Elem>(v: &mut Vec<T>, b: &[u8]) {
    v.extend(b.chunks_exact(T::SIZE).map(T::read_le));
}

pub(super) fn code_itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}
