"""
The workspace block's JSON handlers: each reads its input, calls the block's
adapter and answers with the plugin's values; errors become 4xx with a
message. Who may read or write a workspace is decided by the plugin.
"""
from __future__ import annotations

from vetnet_plugin.exceptions import InvalidInput

from ..mixins import json_handler


def _text(block, data: dict, name: str, *, required: bool = True) -> str:
    value = data.get(name, "")
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        message = block.gettext("This field is required.") if required else block.gettext("Send text.")
        raise InvalidInput(message, errors={name: [message]})
    return value


def _number(block, data: dict, name: str, *, optional: bool = False) -> int | None:
    value = data.get(name)
    if optional and value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 10:
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2 ** 31:
        message = block.gettext("A whole number is needed here.")
        raise InvalidInput(message, errors={name: [message]})
    return value


def _flag(block, data: dict, name: str) -> bool:
    value = data.get(name)
    if not isinstance(value, bool):
        message = block.gettext("Choose yes or no.")
        raise InvalidInput(message, errors={name: [message]})
    return value


class WorkspaceHandlersMixin:
    """Handlers of ``WorkspaceBlock``; ``self.view_backend()`` is the adapter for this request's user."""

    def _workspace_uuid(self, data: dict) -> str:
        return _text(self, data, "workspace")

    @json_handler
    def create_workspace(self, data, suffix=""):  # pylint: disable=unused-argument
        self.sync_themes()
        return self.view_backend().create_workspace(theme_key=_text(self, data, "theme"),
                                                    title=_text(self, data, "title"),
                                                    goal=_text(self, data, "goal", required=False))

    @json_handler
    def join(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.view_backend().join(self._workspace_uuid(data))

    @json_handler
    def leave(self, data, suffix=""):  # pylint: disable=unused-argument
        self.view_backend().leave(self._workspace_uuid(data))
        return {"left": True}

    @json_handler
    def approve(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.view_backend().approve(self._workspace_uuid(data), _number(self, data, "user_id"))

    @json_handler
    def invite(self, data, suffix=""):  # pylint: disable=unused-argument
        """The facilitator (or staff) invites a member of the course community by username."""
        return self.view_backend().invite(self._workspace_uuid(data), _text(self, data, "username").strip())

    @json_handler
    def set_state(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.view_backend().set_state(self._workspace_uuid(data), _text(self, data, "state"))

    @json_handler
    def set_visibility(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.view_backend().set_community_readable(self._workspace_uuid(data),
                                                          _flag(self, data, "community_readable"))

    @json_handler
    def set_notices(self, data, suffix=""):  # pylint: disable=unused-argument
        enabled = _flag(self, data, "enabled")
        self.view_backend().set_notices(self._workspace_uuid(data), enabled)
        return {"enabled": enabled}

    @json_handler
    def publish_outcome(self, data, suffix=""):  # pylint: disable=unused-argument
        """On closing: the document goes to the toolbox as a resource credited to every member."""
        resource = self.view_backend().publish_outcome(self._workspace_uuid(data), licence=_text(self, data, "licence"),
                                                       description=_text(self, data, "description", required=False))
        return {"resource_uuid": resource}

    @json_handler
    def save_document(self, data, suffix=""):  # pylint: disable=unused-argument
        """A save from the revision the page started from; merged with what others saved since."""
        return self.view_backend().save_document(self._workspace_uuid(data),
                                                 base_revision=_number(self, data, "base_revision"),
                                                 text=_text(self, data, "text", required=False),
                                                 base_text=self._base_text(data))

    def _base_text(self, data: dict) -> str | None:
        value = data.get("base_text")
        if value is None:
            return None
        if not isinstance(value, str):
            message = self.gettext("Send text.")
            raise InvalidInput(message, errors={"base_text": [message]})
        return value

    @json_handler(methods=("GET",))
    def document(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.view_backend().document(self._workspace_uuid(data))

    @json_handler(methods=("GET",))
    def latest_revision(self, data, suffix=""):  # pylint: disable=unused-argument
        """What an open page polls: the number of the latest revision, one small read."""
        return {"revision": self.view_backend().latest_revision(self._workspace_uuid(data))}

    @json_handler(methods=("GET",))
    def compare(self, data, suffix=""):  # pylint: disable=unused-argument
        comparison = self.view_backend().compare(self._workspace_uuid(data), older=_number(self, data, "older"),
                                                 newer=_number(self, data, "newer"))
        return {"html": self.render_template("templates/comparison.html", {"comparison": comparison}),
                "older": comparison.older, "newer": comparison.newer}

    @json_handler
    def create_task(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.view_backend().create_task(self._workspace_uuid(data), title=_text(self, data, "title"),
                                               assignee_id=_number(self, data, "assignee_id", optional=True),
                                               due=_text(self, data, "due", required=False) or None)

    @json_handler
    def update_task(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.view_backend().update_task(self._workspace_uuid(data), _text(self, data, "task"),
                                               state=_text(self, data, "state"))

    @json_handler(methods=("GET",))
    def workspace_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """The workspace's part of the page, rendered again by the server (ADR 0007)."""
        backend = self.view_backend()
        workspace = backend.workspace(self._workspace_uuid(data))
        return {"html": self.render_workspace(backend, workspace)}

    # -- the discussion stream ---------------------------------------------------------------

    @json_handler
    def post_message(self, data, suffix=""):  # pylint: disable=unused-argument
        """A post in the workspace's discussion, or with ``parent_id`` a reply."""
        parent = data.get("parent_id") or None
        if parent is not None and not isinstance(parent, str):
            message = self.gettext("Send text.")
            raise InvalidInput(message, errors={"parent_id": [message]})
        post = self.view_backend().post(self._workspace_uuid(data), body=_text(self, data, "body"), parent_id=parent)
        return {"id": post.id}

    # -- attached toolbox resources ----------------------------------------------------------

    @json_handler(methods=("GET",))
    def attachable(self, data, suffix=""):  # pylint: disable=unused-argument
        """Resources of the course's and the community library to attach, rendered as a list with buttons."""
        uuid = self._workspace_uuid(data)
        found = self.view_backend().attachable(uuid, search=_text(self, data, "search", required=False))
        return {"html": self.render_template("templates/attachable.html", {
            "found": found, "workspace_uuid": uuid, "dom_id": f"{self.dom_id}-{uuid}"}), "count": len(found)}

    @json_handler
    def attach(self, data, suffix=""):  # pylint: disable=unused-argument
        attached = self.view_backend().attach(self._workspace_uuid(data), _text(self, data, "resource"))
        return {"resource_uuid": attached.resource_uuid}

    @json_handler
    def detach(self, data, suffix=""):  # pylint: disable=unused-argument
        self.view_backend().detach(self._workspace_uuid(data), _text(self, data, "resource"))
        return {"detached": True}

    @json_handler
    def choose_attachment(self, data, suffix=""):  # pylint: disable=unused-argument
        """The facilitator chooses whether an attachment goes with the published outcome."""
        chosen = self.view_backend().choose_for_outcome(self._workspace_uuid(data), _text(self, data, "resource"),
                                                        _flag(self, data, "for_outcome"))
        return {"for_outcome": chosen.for_outcome}

    # -- Open edX teams ----------------------------------------------------------------------

    @json_handler
    def link_team(self, data, suffix=""):  # pylint: disable=unused-argument
        self.view_backend().link_team(self._workspace_uuid(data), _text(self, data, "team_id", required=False))
        return {"linked": True}
