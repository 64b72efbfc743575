//! H5S: dataspaces — shapes (scalar, simple with maximum sizes, null) and selections
//! (hyperslabs and points).

use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5s::{
    H5S_class_t, H5S_sel_type, H5S_seloper_t, H5Scopy, H5Screate, H5Screate_simple,
    H5Sextent_equal, H5Sget_select_bounds, H5Sget_select_npoints, H5Sget_select_type,
    H5Sget_simple_extent_dims, H5Sget_simple_extent_ndims, H5Sget_simple_extent_npoints,
    H5Sget_simple_extent_type, H5Sselect_all, H5Sselect_elements, H5Sselect_hyperslab,
    H5Sselect_none, H5Sselect_valid, H5Sset_extent_simple,
};

use super::error::{check, check_bool, check_count, ExceptionClass, H5Error, Result};
use super::handle::Handle;
use super::ident::IdType;
use super::owner::Library;

/// The "unlimited" maximum dimension (`H5S_UNLIMITED`).
pub const UNLIMITED: u64 = hdf5_sys::h5s::H5S_UNLIMITED;

/// The most dimensions a dataspace may have (`H5S_MAX_RANK`).
pub const MAX_RANK: usize = 32;

/// A dataspace's class (`H5S_class_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpaceClass {
    /// One element, no dimensions.
    Scalar,
    /// An N-dimensional array.
    Simple,
    /// No elements at all.
    Null,
}

/// How a selection combines with the current one (`H5S_seloper_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectOp {
    /// Replace the selection.
    Set,
    /// Union.
    Or,
    /// Intersection.
    And,
    /// Symmetric difference.
    Xor,
    /// Current minus new.
    NotB,
    /// New minus current.
    NotA,
    /// Append points (point selections).
    Append,
    /// Prepend points (point selections).
    Prepend,
}

impl SelectOp {
    fn raw(self) -> H5S_seloper_t {
        match self {
            SelectOp::Set => H5S_seloper_t::H5S_SELECT_SET,
            SelectOp::Or => H5S_seloper_t::H5S_SELECT_OR,
            SelectOp::And => H5S_seloper_t::H5S_SELECT_AND,
            SelectOp::Xor => H5S_seloper_t::H5S_SELECT_XOR,
            SelectOp::NotB => H5S_seloper_t::H5S_SELECT_NOTB,
            SelectOp::NotA => H5S_seloper_t::H5S_SELECT_NOTA,
            SelectOp::Append => H5S_seloper_t::H5S_SELECT_APPEND,
            SelectOp::Prepend => H5S_seloper_t::H5S_SELECT_PREPEND,
        }
    }
}

/// What kind of selection a dataspace holds (`H5S_sel_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionKind {
    /// Nothing selected.
    None,
    /// Individual points.
    Points,
    /// Hyperslabs.
    Hyperslabs,
    /// Everything.
    All,
}

/// A dataspace identifier.
#[derive(Debug, Clone)]
pub struct Dataspace {
    handle: Handle,
}

impl Dataspace {
    pub(crate) fn from_result(id: hid_t, operation: &str) -> Result<Dataspace> {
        Ok(Dataspace { handle: Handle::from_result(id, operation)? })
    }

    /// Wraps a handle without checking its kind: for identifiers that may already be
    /// closed, so that HDF5 itself reports the bad identifier when it is used.
    pub fn from_handle_unchecked(handle: Handle) -> Dataspace {
        Dataspace { handle }
    }

    /// Wraps a handle that refers to a dataspace; `None` otherwise.
    pub fn from_handle(handle: Handle) -> Option<Dataspace> {
        (handle.id_type() == IdType::Dataspace).then_some(Dataspace { handle })
    }

    /// The dataspace identifier.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    pub(crate) fn id(&self) -> hid_t {
        self.handle.id()
    }

    /// A simple dataspace of shape `dims`; `maxdims` defaults to `dims`, and
    /// [`UNLIMITED`] marks an extendible axis (`H5Screate_simple`).
    pub fn simple(_lib: &Library, dims: &[u64], maxdims: Option<&[u64]>) -> Result<Dataspace> {
        if dims.len() > MAX_RANK {
            return Err(H5Error::new(ExceptionClass::ValueError, format!("rank {} exceeds {MAX_RANK}", dims.len())));
        }
        if let Some(max) = maxdims {
            if max.len() != dims.len() {
                return Err(H5Error::new(ExceptionClass::ValueError, "maxdims must have the rank of dims"));
            }
        }
        let max_ptr = maxdims.map_or(std::ptr::null(), |m| m.as_ptr());
        // SAFETY: both arrays hold `rank` values (or maxdims is null).
        let id = unsafe { H5Screate_simple(dims.len() as i32, dims.as_ptr(), max_ptr) };
        Dataspace::from_result(id, "H5Screate_simple")
    }

    /// A scalar dataspace (`H5Screate(H5S_SCALAR)`).
    pub fn scalar(_lib: &Library) -> Result<Dataspace> {
        // SAFETY: plain call.
        Dataspace::from_result(unsafe { H5Screate(H5S_class_t::H5S_SCALAR) }, "H5Screate")
    }

    /// A null (empty) dataspace (`H5Screate(H5S_NULL)`).
    pub fn null(_lib: &Library) -> Result<Dataspace> {
        // SAFETY: plain call.
        Dataspace::from_result(unsafe { H5Screate(H5S_class_t::H5S_NULL) }, "H5Screate")
    }

    /// An independent copy, selection included (`H5Scopy`).
    pub fn copy(&self) -> Result<Dataspace> {
        // SAFETY: plain call.
        Dataspace::from_result(unsafe { H5Scopy(self.id()) }, "H5Scopy")
    }

    /// The class (`H5Sget_simple_extent_type`).
    pub fn class(&self) -> Result<SpaceClass> {
        // SAFETY: plain call.
        match unsafe { H5Sget_simple_extent_type(self.id()) } {
            H5S_class_t::H5S_SCALAR => Ok(SpaceClass::Scalar),
            H5S_class_t::H5S_SIMPLE => Ok(SpaceClass::Simple),
            H5S_class_t::H5S_NULL => Ok(SpaceClass::Null),
            H5S_class_t::H5S_NO_CLASS => Err(H5Error::from_stack("H5Sget_simple_extent_type")),
        }
    }

    /// Number of dimensions (0 for scalar and null).
    pub fn rank(&self) -> Result<usize> {
        // SAFETY: plain call.
        Ok(check_count(unsafe { H5Sget_simple_extent_ndims(self.id()) }, "H5Sget_simple_extent_ndims")? as usize)
    }

    /// Current and maximum dimensions (`H5Sget_simple_extent_dims`).
    pub fn extent(&self) -> Result<(Vec<u64>, Vec<u64>)> {
        let rank = self.rank()?;
        let mut dims = vec![0u64; rank];
        let mut maxdims = vec![0u64; rank];
        // SAFETY: both buffers hold `rank` values.
        let n = unsafe { H5Sget_simple_extent_dims(self.id(), dims.as_mut_ptr(), maxdims.as_mut_ptr()) };
        check_count(n, "H5Sget_simple_extent_dims")?;
        Ok((dims, maxdims))
    }

    /// Current dimensions.
    pub fn dims(&self) -> Result<Vec<u64>> {
        Ok(self.extent()?.0)
    }

    /// Maximum dimensions ([`UNLIMITED`] for extendible axes).
    pub fn maxdims(&self) -> Result<Vec<u64>> {
        Ok(self.extent()?.1)
    }

    /// Number of elements in the extent (`H5Sget_simple_extent_npoints`).
    pub fn element_count(&self) -> Result<u64> {
        // SAFETY: plain call.
        check_count(unsafe { H5Sget_simple_extent_npoints(self.id()) }, "H5Sget_simple_extent_npoints")
    }

    /// Changes the extent (`H5Sset_extent_simple`), selecting everything again.
    pub fn set_extent(&self, dims: &[u64], maxdims: Option<&[u64]>) -> Result<()> {
        let max_ptr = maxdims.map_or(std::ptr::null(), |m| m.as_ptr());
        // SAFETY: both arrays hold `rank` values (or maxdims is null).
        let status = unsafe { H5Sset_extent_simple(self.id(), dims.len() as i32, dims.as_ptr(), max_ptr) };
        check(status, "H5Sset_extent_simple")
    }

    /// Whether two dataspaces have the same extent (`H5Sextent_equal`).
    pub fn extent_equals(&self, other: &Dataspace) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { H5Sextent_equal(self.id(), other.id()) }, "H5Sextent_equal")
    }

    /// Whether the selection is one regular hyperslab (`H5Sis_regular_hyperslab`).
    pub fn is_regular_hyperslab(&self) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { hdf5_sys::h5s::H5Sis_regular_hyperslab(self.id()) }, "H5Sis_regular_hyperslab")
    }

    /// The start, stride, count and block of a regular hyperslab selection
    /// (`H5Sget_regular_hyperslab`).
    pub fn regular_hyperslab(&self) -> Result<[Vec<u64>; 4]> {
        let rank = self.rank()?.max(1);
        let mut parts = [vec![0u64; rank], vec![0u64; rank], vec![0u64; rank], vec![0u64; rank]];
        let [start, stride, count, block] = &mut parts;
        // SAFETY: each array holds `rank` values.
        let status = unsafe {
            hdf5_sys::h5s::H5Sget_regular_hyperslab(self.id(), start.as_mut_ptr(), stride.as_mut_ptr(), count.as_mut_ptr(), block.as_mut_ptr())
        };
        check(status, "H5Sget_regular_hyperslab")?;
        Ok(parts)
    }

    /// Makes the dataspace a null one (`H5Sset_extent_none`).
    pub fn set_extent_none(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5s::H5Sset_extent_none(self.id()) }, "H5Sset_extent_none")
    }

    /// Copies `source`'s extent into this dataspace (`H5Sextent_copy`).
    pub fn extent_copy(&self, source: &Dataspace) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5s::H5Sextent_copy(self.id(), source.id()) }, "H5Sextent_copy")
    }

    /// Copies `source`'s selection into this dataspace (`H5Sselect_copy`).
    pub fn select_copy(&self, source: &Dataspace) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5s::H5Sselect_copy(self.id(), source.id()) }, "H5Sselect_copy")
    }

    /// Whether two selections have the same shape (`H5Sselect_shape_same`).
    pub fn select_shape_same(&self, other: &Dataspace) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { hdf5_sys::h5s::H5Sselect_shape_same(self.id(), other.id()) }, "H5Sselect_shape_same")
    }

    /// Whether the dataspace is simple or scalar, not null (`H5Sis_simple`).
    pub fn is_simple(&self) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { hdf5_sys::h5s::H5Sis_simple(self.id()) }, "H5Sis_simple")
    }

    /// Selects everything (`H5Sselect_all`).
    pub fn select_all(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Sselect_all(self.id()) }, "H5Sselect_all")
    }

    /// Selects nothing (`H5Sselect_none`).
    pub fn select_none(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Sselect_none(self.id()) }, "H5Sselect_none")
    }

    /// Combines a hyperslab with the selection (`H5Sselect_hyperslab`). `stride` and
    /// `block` default to ones; every array must have the space's rank.
    pub fn select_hyperslab(
        &self,
        op: SelectOp,
        start: &[u64],
        stride: Option<&[u64]>,
        count: &[u64],
        block: Option<&[u64]>,
    ) -> Result<()> {
        let rank = self.rank()?;
        let lengths_ok = start.len() == rank
            && count.len() == rank
            && stride.is_none_or(|s| s.len() == rank)
            && block.is_none_or(|b| b.len() == rank);
        if !lengths_ok {
            return Err(H5Error::new(ExceptionClass::ValueError, "hyperslab arrays must match the dataspace rank"));
        }
        let stride_ptr = stride.map_or(std::ptr::null(), |s| s.as_ptr());
        let block_ptr = block.map_or(std::ptr::null(), |b| b.as_ptr());
        // SAFETY: every non-null array holds `rank` values.
        let status = unsafe {
            H5Sselect_hyperslab(self.id(), op.raw(), start.as_ptr(), stride_ptr, count.as_ptr(), block_ptr)
        };
        check(status, "H5Sselect_hyperslab")
    }

    /// Combines a list of points (one coordinate row per point) with the selection
    /// (`H5Sselect_elements`).
    pub fn select_points(&self, op: SelectOp, points: &[Vec<u64>]) -> Result<()> {
        let rank = self.rank()?.max(1);
        if points.iter().any(|p| p.len() != rank) {
            return Err(H5Error::new(ExceptionClass::ValueError, "point coordinates must match the dataspace rank"));
        }
        let flat: Vec<u64> = points.iter().flatten().copied().collect();
        // SAFETY: `flat` holds `points.len() * rank` coordinates.
        let status = unsafe { H5Sselect_elements(self.id(), op.raw(), points.len(), flat.as_ptr()) };
        check(status, "H5Sselect_elements")
    }

    /// Number of selected elements (`H5Sget_select_npoints`).
    pub fn selected_count(&self) -> Result<u64> {
        // SAFETY: plain call.
        check_count(unsafe { H5Sget_select_npoints(self.id()) }, "H5Sget_select_npoints")
    }

    /// The kind of the current selection (`H5Sget_select_type`).
    pub fn selection_kind(&self) -> Result<SelectionKind> {
        // SAFETY: plain call.
        match unsafe { H5Sget_select_type(self.id()) } {
            H5S_sel_type::H5S_SEL_NONE => Ok(SelectionKind::None),
            H5S_sel_type::H5S_SEL_POINTS => Ok(SelectionKind::Points),
            H5S_sel_type::H5S_SEL_HYPERSLABS => Ok(SelectionKind::Hyperslabs),
            H5S_sel_type::H5S_SEL_ALL => Ok(SelectionKind::All),
            _ => Err(H5Error::from_stack("H5Sget_select_type")),
        }
    }

    /// Whether the selection lies within the extent (`H5Sselect_valid`).
    pub fn selection_is_valid(&self) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { H5Sselect_valid(self.id()) }, "H5Sselect_valid")
    }

    /// The selection's bounding box: (start, end) inclusive (`H5Sget_select_bounds`).
    pub fn selection_bounds(&self) -> Result<(Vec<u64>, Vec<u64>)> {
        let rank = self.rank()?;
        let (mut start, mut end) = (vec![0u64; rank], vec![0u64; rank]);
        // SAFETY: both buffers hold `rank` values.
        let status = unsafe { H5Sget_select_bounds(self.id(), start.as_mut_ptr(), end.as_mut_ptr()) };
        check(status, "H5Sget_select_bounds")?;
        Ok((start, end))
    }

    /// The blocks of a hyperslab selection, each as (start, opposite corner), inclusive
    /// (`H5Sget_select_hyper_blocklist`).
    pub fn hyperslab_blocks(&self) -> Result<Vec<(Vec<u64>, Vec<u64>)>> {
        let rank = self.rank()?;
        // SAFETY: plain call.
        let n = check_count(unsafe { hdf5_sys::h5s::H5Sget_select_hyper_nblocks(self.id()) }, "H5Sget_select_hyper_nblocks")?
            as usize;
        let mut flat = vec![0u64; n * rank * 2];
        // SAFETY: the buffer holds `n` blocks of two corners of `rank` values.
        let status =
            unsafe { hdf5_sys::h5s::H5Sget_select_hyper_blocklist(self.id(), 0, n as u64, flat.as_mut_ptr()) };
        check(status, "H5Sget_select_hyper_blocklist")?;
        Ok(flat.chunks(rank.max(1) * 2).map(|b| (b[..rank].to_vec(), b[rank..].to_vec())).collect())
    }

    /// The points of a point selection (`H5Sget_select_elem_pointlist`).
    pub fn selected_points(&self) -> Result<Vec<Vec<u64>>> {
        let rank = self.rank()?;
        // SAFETY: plain call.
        let n = check_count(unsafe { hdf5_sys::h5s::H5Sget_select_elem_npoints(self.id()) }, "H5Sget_select_elem_npoints")?
            as usize;
        let mut flat = vec![0u64; n * rank];
        // SAFETY: the buffer holds `n` points of `rank` values.
        let status =
            unsafe { hdf5_sys::h5s::H5Sget_select_elem_pointlist(self.id(), 0, n as u64, flat.as_mut_ptr()) };
        check(status, "H5Sget_select_elem_pointlist")?;
        Ok(flat.chunks(rank.max(1)).map(|p| p.to_vec()).collect())
    }
}
