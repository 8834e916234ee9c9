"""Actors say how their country was found (named, place, story): on stored events and actor mentions."""


from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('store', '0005_search_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='actormention',
            name='basis',
            field=models.CharField(blank=True, help_text='how the country was found: named, place, story', max_length=16),
        ),
        migrations.AddField(
            model_name='event',
            name='source_basis',
            field=models.CharField(blank=True, help_text='how the country was found: named, place, story', max_length=16),
        ),
        migrations.AddField(
            model_name='event',
            name='target_basis',
            field=models.CharField(blank=True, max_length=16),
        ),
    ]
