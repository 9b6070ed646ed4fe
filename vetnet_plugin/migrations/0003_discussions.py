"""Discussion core and scenario forum (Communication)."""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("vetnet", "0002_toolbox"),
    ]

    operations = []
