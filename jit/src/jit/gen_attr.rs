//! Attribute access on instances, inline: `obj.name` and `obj.name = v`
//! through the site's inline cache (`interp/attr_cache.rs`), as machine
//! code, with no call on a hit.
//!
//! - An attribute in the instance's own table (cache kind `INSTANCE_ATTR`
//!   for a load, `STORE` for a store): the entry index the cache held at
//!   compile time is a constant. The hit checks what `fast::jit_load_attr_hit`
//!   and `jit_store_attr_hit` check, in their order: the instance's class
//!   has plain attribute access (`TypeObj::plain_attrs`: then an attribute
//!   found in the table is the answer and a store of an existing one goes
//!   straight to the table, whatever the class and the cache), the table is
//!   not borrowed mutably (a store: not borrowed at all), the instance has
//!   no `__dict__` object (its attributes then live there: `InstanceObj::
//!   table`), the entry exists and its key is the name (the name is interned
//!   and the key compared by address, tag word included: a deleted entry
//!   keeps its old key's payload word). A class that is not plain (a
//!   property of another name, `__slots__`) gets the cache's own check in the
//!   cold section (class and version as the cache holds them, the kind) and
//!   rejoins at the table. So a new key, a deleted one, another layout, a
//!   `__dict__` made or a class made non-plain later (`__setattr__` defined
//!   after compile) all miss; the same layout under another plain class
//!   hits, as in the helpers.
//! - A class attribute read through an instance (`CLASS_VALUE`): the
//!   cache's class, version and kind compared with the instance's class,
//!   and no instance attribute that may hide it (`TypeObj::shadowed`); the
//!   value is read from the cache.
//! - `C.name` on a class (`TYPE_ATTR`: deltablue's `Direction.FORWARD`):
//!   the cache's class, version and kind compared with the class, the value
//!   read from the cache. The guard is then for a class, not an instance.
//!
//! The collector is non-moving mark-sweep with no write barrier
//! (`runtime/heap.rs`): a store is two plain moves. A miss calls the hit
//! helper (whose own checks may still hit: a cache refilled since compile
//! time), then the general helper, which runs everything else in the
//! interpreter (`__getattr__`, properties, AttributeError). Those run Python
//! code only by native calls and write only the loaded register, so what is
//! known of other registers holds after the instruction.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::interp::attr_cache::{self, AttrCache};
use crate::jit::fast;
use crate::jit::layout::layout;
use crate::runtime::value::tags;

/// Largest entry index addressed inline (the entry's displacement must fit
/// an i32; tables this big are not attribute tables anyway).
const MAX_INLINE_INDEX: u32 = 1 << 16;

impl<'a> Gen<'a> {
    /// `obj.name` (`load`, into `val`) or `obj.name = val`.
    pub(super) fn gen_attr(&mut self, pc: u32, obj: u16, name: u16, val: u16, load: bool) {
        let c = &self.code.caches[pc as usize];
        let (kind, ix) = (c.kind.get(), c.index.get());
        let cache = c as *const AttrCache as i64;
        let nm = self.code.names[name as usize].addr() as i64;
        // The instance's fields are reached from rax, its class from rcx.
        let miss = self.ops.new_dynamic_label();
        let general = self.ops.new_dynamic_label();
        let (hit, general_helper) = if load {
            (
                fast::jit_load_attr_hit as *const (),
                fast::jit_load_attr as *const (),
            )
        } else {
            (
                fast::jit_store_attr_hit as *const (),
                fast::jit_store_attr as *const (),
            )
        };
        // `C.name` on a class itself: the cache answers for the class, and
        // the hit helper (instances only) is no use.
        let on_class = load && kind == attr_cache::TYPE_ATTR;
        let (tag, what) = if on_class {
            (tags::TYPE, "a class")
        } else {
            (tags::INSTANCE, "an instance")
        };
        match self.known_tag(obj) {
            Some(t) if t == tag => self.note_known(obj),
            Some(_) => {
                self.comment(format_args!("r{obj} known not {what}: the general helper"));
                self.call_fast(pc, general_helper);
                return;
            }
            None => {
                self.comment(format_args!("guard: r{obj} is {what}"));
                self.guard_tag(obj, tag, general);
            }
        }
        let table_kind = if load {
            attr_cache::INSTANCE_ATTR
        } else {
            attr_cache::STORE
        };
        if on_class {
            self.type_attr_inline(cache, obj, val, general);
        } else if load && kind == attr_cache::CLASS_VALUE {
            self.class_value_inline(cache, obj, val, miss);
        } else if kind == table_kind && ix < MAX_INLINE_INDEX {
            self.table_entry_inline(cache, table_kind, ix, nm, obj, val, load, miss);
        } else {
            self.comment(format_args!("no inline path for what the cache holds"));
            asm!(self.ops; jmp =>miss);
        }
        self.cold(move |g| {
            if !on_class {
                asm!(g.ops; =>miss);
                g.comment(format_args!("pc {pc}: inline miss: the cache-hit helper"));
                let next = g.next(pc);
                asm!(g.ops
                    ; lea rdi, [rbx + slot(obj)]
                    ; mov rsi, QWORD cache
                    ; mov rdx, QWORD nm
                    ; lea rcx, [rbx + slot(val)]
                    ; mov rax, QWORD hit as i64
                    ; call rax
                    ; test eax, eax
                    ; jnz =>next
                );
            }
            asm!(g.ops; =>general);
            g.comment(format_args!("pc {pc}: cache miss: the general helper"));
            g.call_helper_outcome(pc, general_helper as usize, None, None, false);
        });
        // What the slow paths may change besides the loaded register: the
        // Python code they run may mutate lists whose items were cached.
        self.paired = None;
        self.list_run = None;
        self.rsi_items = None;
        if load {
            self.set_known(val, None);
            self.set_bound(val, false);
        }
    }

    /// The entry `ix` of the instance's own table, when its key is the
    /// name (`nm`): load it into `val` or store `val` into it.
    #[allow(clippy::too_many_arguments)]
    fn table_entry_inline(
        &mut self,
        cache: i64,
        kind: u8,
        ix: u32,
        nm: i64,
        obj: u16,
        val: u16,
        load: bool,
        miss: DynamicLabel,
    ) {
        let a = layout().attr;
        let not_plain = self.ops.new_dynamic_label();
        let table = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "plain class (else the cache's class check), table free, no __dict__, entry {ix}"
        ));
        asm!(self.ops
            ; mov rax, QWORD [rbx + pay(obj)]
            ; mov rcx, QWORD [rax + a.inst_class]
            ; cmp BYTE [rcx + a.type_plain_attrs], 0
            ; je =>not_plain
            ; =>table
            ; cmp QWORD [rax + a.inst_flag], 0
        );
        // A load needs no mutable borrow in progress, a store no borrow.
        if load {
            asm!(self.ops; jl =>miss);
        } else {
            asm!(self.ops; jne =>miss);
        }
        let e = ix as i32 * a.entry_size;
        asm!(self.ops
            ; cmp QWORD [rax + a.inst_dict], 0
            ; jne =>miss
            ; cmp QWORD [rax + a.inst_entries_len], ix as i32
            ; jbe =>miss
            ; mov rdx, QWORD [rax + a.inst_entries_ptr]
            ; cmp QWORD [rdx + e + a.entry_key_tag], tags::STR as i32
            ; jne =>miss
            ; mov rsi, QWORD nm
            ; cmp QWORD [rdx + e + a.entry_key_pay], rsi
            ; jne =>miss
        );
        let v = e + a.entry_value;
        if load {
            self.comment(format_args!("the attribute's value"));
            asm!(self.ops
                ; mov rax, QWORD [rdx + v]
                ; mov rcx, QWORD [rdx + v + 8]
            );
            self.put_value_rax_rcx(val);
        } else {
            self.comment(format_args!("store the value"));
            asm!(self.ops
                ; mov rax, QWORD [rbx + slot(val)]
                ; mov rcx, QWORD [rbx + pay(val)]
                ; mov QWORD [rdx + v], rax
                ; mov QWORD [rdx + v + 8], rcx
            );
        }
        self.cold(move |g| {
            asm!(g.ops; =>not_plain);
            g.comment(format_args!(
                "class not plain: the cache's class, version and kind"
            ));
            g.cache_class_check(cache, kind, miss);
            asm!(g.ops; jmp =>table);
        });
    }

    /// rcx: a class (the instance's). To `miss` unless the cache at `cache`
    /// holds that class at its current version, with `kind`
    /// (`AttrCache::valid_for`). Uses rdx and rsi.
    pub(super) fn cache_class_check(&mut self, cache: i64, kind: u8, miss: DynamicLabel) {
        let a = layout().attr;
        asm!(self.ops
            ; mov rsi, QWORD cache
            ; cmp rcx, QWORD [rsi + a.cache_class]
            ; jne =>miss
            ; mov edx, DWORD [rcx + a.type_version]
            ; cmp edx, DWORD [rsi + a.cache_version]
            ; jne =>miss
            ; cmp BYTE [rsi + a.cache_kind], kind as i8
            ; jne =>miss
        );
    }

    /// `C.name` on the class `C` (`TYPE_ATTR`): the cache's value, while
    /// the cache holds that class at its version.
    fn type_attr_inline(&mut self, cache: i64, obj: u16, val: u16, miss: DynamicLabel) {
        self.comment(format_args!("the cache's class and version: its value"));
        asm!(self.ops; mov rcx, QWORD [rbx + pay(obj)]);
        self.cache_class_check(cache, attr_cache::TYPE_ATTR, miss);
        self.cache_value_into(val);
    }

    /// rsi: the cache. Its value into `val`.
    fn cache_value_into(&mut self, val: u16) {
        let a = layout().attr;
        asm!(self.ops
            ; mov rax, QWORD [rsi + a.cache_value]
            ; mov rcx, QWORD [rsi + a.cache_value + 8]
        );
        self.put_value_rax_rcx(val);
    }

    /// A class attribute read through an instance: the cache's value,
    /// while the cache holds the instance's class at its version and no
    /// instance of the class has an attribute that may hide it.
    fn class_value_inline(&mut self, cache: i64, obj: u16, val: u16, miss: DynamicLabel) {
        let a = layout().attr;
        self.comment(format_args!(
            "the cache's class and version, not shadowed: its value"
        ));
        asm!(self.ops
            ; mov rax, QWORD [rbx + pay(obj)]
            ; mov rcx, QWORD [rax + a.inst_class]
        );
        self.cache_class_check(cache, attr_cache::CLASS_VALUE, miss);
        asm!(self.ops
            ; cmp BYTE [rcx + a.type_shadowed], 0
            ; jne =>miss
        );
        self.cache_value_into(val);
    }
}
