"""Resource toolbox (Sharing)."""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("vetnet", "0001_initial"),
    ]

    operations = []
