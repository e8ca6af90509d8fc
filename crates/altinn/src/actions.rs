//! Dialog actions: GUI buttons and API endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::localization::Localization;
use crate::serde_util::null_as_empty;
use crate::string_enum::string_enum;

string_enum! {
    /// An HTTP method (`HttpVerb`).
    pub enum HttpVerb {
        /// GET
        Get => "GET",
        /// POST
        Post => "POST",
        /// PUT
        Put => "PUT",
        /// PATCH
        Patch => "PATCH",
        /// DELETE
        Delete => "DELETE",
        /// HEAD
        Head => "HEAD",
        /// OPTIONS
        Options => "OPTIONS",
        /// TRACE
        Trace => "TRACE",
        /// CONNECT
        Connect => "CONNECT",
    }
}

string_enum! {
    /// Prominence of a GUI action (`DialogGuiActionPriority`).
    pub enum DialogGuiActionPriority {
        /// The main action.
        Primary => "Primary",
        /// A secondary action.
        Secondary => "Secondary",
        /// A tertiary action (usually in a menu).
        Tertiary => "Tertiary",
    }
}

/// A GUI action (`DialogGuiAction`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogGuiAction {
    /// Action id.
    pub id: Uuid,
    /// XACML action, e.g. `read`.
    #[serde(default)]
    pub action: String,
    /// Target URL, or `urn:dialogporten:unauthorized`.
    #[serde(default)]
    pub url: String,
    /// Authorization attribute guarding it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_attribute: Option<String>,
    /// Whether the user may perform it.
    #[serde(default)]
    pub is_authorized: bool,
    /// The action deletes the dialog.
    #[serde(default)]
    pub is_delete_dialog_action: bool,
    /// Prominence.
    pub priority: DialogGuiActionPriority,
    /// Method; anything but GET is a background call with the dialog token.
    pub http_method: HttpVerb,
    /// Button text.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: Vec<Localization>,
    /// Confirmation text to show before performing the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Vec<Localization>>,
}

/// An API action (`DialogApiAction`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogApiAction {
    /// Action id.
    pub id: Uuid,
    /// XACML action.
    #[serde(default)]
    pub action: String,
    /// Authorization attribute guarding it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_attribute: Option<String>,
    /// Whether the user may perform it.
    #[serde(default)]
    pub is_authorized: bool,
    /// Logical name, e.g. `confirm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Endpoints (versions) of the action.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub endpoints: Vec<DialogApiActionEndpoint>,
}

/// An endpoint of an API action (`DialogApiActionEndpoint`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogApiActionEndpoint {
    /// Endpoint id.
    pub id: Uuid,
    /// Version label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// URL, or `urn:dialogporten:unauthorized`.
    #[serde(default)]
    pub url: String,
    /// Method.
    pub http_method: HttpVerb,
    /// Documentation link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_url: Option<String>,
    /// Request schema link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_schema: Option<String>,
    /// Response schema link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_schema: Option<String>,
    /// Deprecated endpoint.
    #[serde(default)]
    pub deprecated: bool,
    /// When it will be removed.
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub sunset_at: Option<DateTime<Utc>>,
}
