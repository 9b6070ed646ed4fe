"""
A small block that exercises what the host gives every block: services,
handlers, fields in each scope, grade events and a Studio editor.
"""
import json

from web_fragments.fragment import Fragment
from webob import Response
from xblock.core import XBlock
from xblock.fields import Scope, String

PROBE_TYPE = "devhost_probe"


@XBlock.needs("user")
@XBlock.needs("i18n")
class ProbeBlock(XBlock):
    """Shows its title, remembers each learner's answer and scores it."""

    has_score = True
    display_name = String(scope=Scope.settings, default="Probe")
    title = String(scope=Scope.content, default="")
    answer = String(scope=Scope.user_state, default="")

    def max_score(self):
        return 1

    def student_view(self, context=None):  # pylint: disable=unused-argument
        frag = Fragment(f'<p class="probe-title">{self.title}</p>')
        frag.add_javascript("function ProbeBlock(runtime, element) {}")
        frag.initialize_js("ProbeBlock")
        return frag

    def studio_view(self, context=None):  # pylint: disable=unused-argument
        return Fragment('<label for="probe-title">Title</label><input id="probe-title" name="title">')

    @XBlock.json_handler
    def submit(self, data, suffix=""):  # pylint: disable=unused-argument
        self.answer = data["answer"]
        self.runtime.publish(self, "grade", {"value": 1 if self.answer == "yes" else 0, "max_value": 1})
        return {"answer": self.answer}

    @XBlock.json_handler
    def studio_submit(self, data, suffix=""):  # pylint: disable=unused-argument
        self.title = data["title"]
        return {"saved": True}

    @XBlock.handler
    def whoami(self, request, suffix=""):  # pylint: disable=unused-argument
        user = self.runtime.service(self, "user").get_current_user()
        return Response(json.dumps(user.opt_attrs), content_type="application/json", charset="utf-8")
