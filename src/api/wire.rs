//! The wire types the portal uses, from the `altinn` crate, in one place.

pub use altinn::{
    AuthorizedParty, ContentValue, Dialog, DialogContentSummary, DialogListItem, DialogSearchQuery,
    DialogStatus, Localization, PaginatedList, Parties, PartyType, PartyUrn, ProblemDetails,
    SystemLabel,
};
