"""The timeline index also holds modality, so timelines that leave out denied
and hypothetical acts are still answered from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("store", "0003_event_timeline_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="event",
            name="event_dyad_timeline",
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["dyad", "status", "date_start", "quad_class", "goldstein", "theatre",
                                       "mention_count", "id", "modality"], name="event_dyad_timeline"),
        ),
    ]
