//! The saved-searches page's texts (its wasm module carries them).
//!
//! A table of its own so that only code in the page's module looks it up: the split tool then
//! moves the strings into that module (see `keys.rs` for the table format).

texts! {
    SavedSearchKey;
    /// `{name}`: a saved search's name.
    ListRename => ["Gi nytt navn til {name}", "Gje nytt namn til {name}", "Rename {name}"],
    /// `{name}`: a saved search's name.
    ListDelete => ["Slett {name}", "Slett {name}", "Delete {name}"],
    ListRenameHeading => ["Gi nytt navn", "Gje nytt namn", "Rename"],
    ListDeleteButton => ["Slett", "Slett", "Delete"],
    /// `{name}`: a saved search's name.
    ListDeleted => ["Søket «{name}» er slettet.", "Søket «{name}» er sletta.", "Deleted the search \"{name}\"."],
    /// `{name}`: a saved search's name.
    /// `{name}`: a saved search's name.
    ListRestoredSearch => [
        "Søket «{name}» er lagret igjen.",
        "Søket «{name}» er lagra att.",
        "Restored the search \"{name}\".",
    ],
    ListRenamed => ["Søket heter nå «{name}».", "Søket heiter no «{name}».", "The search is now called \"{name}\"."],
    ListNoSavedSearches => [
        "Du har ingen lagrede søk ennå.",
        "Du har ingen lagra søk enno.",
        "You have no saved searches yet.",
    ],
    ListNoSavedSearchesHint => [
        "Søk eller filtrer i innboksen, og velg «Lagre søk» for å finne søket her igjen.",
        "Søk eller filtrer i innboksen, og vel «Lagre søk» for å finne søket her att.",
        "Search or filter in the inbox and choose \"Save search\" to find the search here again.",
    ],
    ListLoadingSavedSearches => ["Henter lagrede søk …", "Hentar lagra søk …", "Loading saved searches …"],
}
