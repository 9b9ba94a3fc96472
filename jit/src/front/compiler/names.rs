//! Loading and storing names: locals in registers, cells, globals and
//! class-body names, as `front::scope` classified them.

use crate::bytecode::opcodes::Instr;
use crate::front::scope::NameAccess;
use crate::front::CompileError;

use super::{CResult, FnCompiler};

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn access(&self, name: &str) -> NameAccess {
        self.ctx.scopes.access(self.scope, name)
    }

    pub(super) fn global_slot(&mut self, name: &str) -> CResult<u16> {
        let s = self.ctx.module.intern_slot(name);
        u16::try_from(s)
            .map_err(|_| CompileError::unsupported("too many global names", self.offset_now()))
    }

    pub(super) fn load_name(&mut self, name: &str, dst: Option<u16>) -> CResult<u16> {
        if matches!(name, "locals" | "vars") {
            // locals() reads the frame's registers (see `Code::reads_frame`).
            self.reads_frame = true;
        }
        match self.access(name) {
            NameAccess::Local => {
                let r = self.vars[name];
                if !self.bound.contains(name) {
                    let n = self.name(name)?;
                    self.emit(Instr::CheckBound { reg: r, name: n });
                }
                match dst {
                    Some(d) if d != r => {
                        self.emit(Instr::Move { dst: d, src: r });
                        Ok(d)
                    }
                    _ => Ok(r),
                }
            }
            NameAccess::Cell | NameAccess::Free => {
                let cell = self.vars[name];
                let out = match dst {
                    Some(d) => d,
                    None => self.alloc()?,
                };
                let n = self.name(name)?;
                self.emit(Instr::LoadDeref {
                    dst: out,
                    cell,
                    name: n,
                });
                Ok(out)
            }
            NameAccess::Global => {
                let out = match dst {
                    Some(d) => d,
                    None => self.alloc()?,
                };
                let slot = self.global_slot(name)?;
                let n = self.name(name)?;
                self.emit(Instr::LoadGlobal {
                    dst: out,
                    slot,
                    name: n,
                });
                Ok(out)
            }
            NameAccess::ClassName => {
                let out = match dst {
                    Some(d) => d,
                    None => self.alloc()?,
                };
                // A private name is mangled, for the class dict and the
                // global fallback alike (as CPython's).
                let mangled = self
                    .private
                    .as_deref()
                    .and_then(|c| crate::front::mangle::mangle(c, name));
                let name = mangled.as_deref().unwrap_or(name);
                // The global slot is interned so the runtime's fallback finds it.
                self.global_slot(name)?;
                let n = self.name(name)?;
                self.emit(Instr::LoadName { dst: out, name: n });
                Ok(out)
            }
        }
    }

    pub(super) fn store_name(&mut self, name: &str, src: u16) -> CResult<()> {
        match self.access(name) {
            NameAccess::Local => {
                let r = self.vars[name];
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
                if self.nesting == 0 {
                    self.bound.insert(name.to_string());
                }
            }
            NameAccess::Cell | NameAccess::Free => {
                let cell = self.vars[name];
                self.emit(Instr::StoreDeref { cell, src });
            }
            NameAccess::Global => {
                let slot = self.global_slot(name)?;
                self.emit(Instr::StoreGlobal { slot, src });
            }
            NameAccess::ClassName => {
                let n = self.private_name(name)?;
                self.emit(Instr::StoreName { name: n, src });
            }
        }
        Ok(())
    }

    /// The register a plain local lives in, if `name` is one (for computing
    /// straight into it).
    pub(super) fn local_reg(&self, name: &str) -> Option<u16> {
        match self.access(name) {
            NameAccess::Local => self.vars.get(name).copied(),
            _ => None,
        }
    }
}
