"""Who published each open-data file the project ships, under which licence, and when.

One entry per file of ``loaders/opendata/published/`` (see its SOURCE.md for the attribution
text each licence asks for). :mod:`loaders.opendata.rebuild_published` copies these facts
into ``MANIFEST.json`` beside the compressed copies, and ``load demo`` stores the publisher
and date on every service it imports, so a listing says "listed by <publisher>, <date>".
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SOURCES", "Source", "full_date", "source_of"]

OGL = "Open Government Licence v3.0"


@dataclass(frozen=True)
class Source:
    """One published file: its publisher, licence, edition date and where it came from."""

    path: str  # under the data folder, e.g. "wales/wales_libraries_2025.csv"
    publisher: str
    licence: str
    edition: str  # the date the publisher's data describes (ISO date, or year-month)
    origin: str  # the public repository snapshot it was copied from
    #: what the shipped copy leaves out or rounds (empty: byte for byte)
    compacted: str = ""
    #: the file's name as published, when the shipped copy is converted (e.g. from R data)
    published_name: str = ""


SOURCES: tuple[Source, ...] = (
    Source(
        "wales/nhs_wales_organisations.csv",
        "Public Health Wales",
        "MIT",
        "2021-06",
        "stupidpupil/r_nhs_wales_orgs_and_sites@e4586276",
    ),
    Source(
        "wales/nhs_wales_sites.csv",
        "Public Health Wales",
        "MIT",
        "2021-06",
        "stupidpupil/r_nhs_wales_orgs_and_sites@e4586276",
    ),
    Source(
        "wales/nhs_wales_sites_points.geojson",
        "OpenStreetMap contributors (via Adam Watkins)",
        "ODbL 1.0",
        "2022-01",
        "stupidpupil/nhs_wales_travel_time_matrices@214c392a",
    ),
    Source(
        "wales/wales_gp_practices_epraccur_2025-09.csv",
        "NHS England (ODS)",
        OGL,
        "2025-09-01",
        "Priyanshpaila/Uk_frontend@4337145a (epraccur.csv)",
    ),
    Source(
        "wales/wimd2019_lsoa11.csv",
        "Welsh Government (WIMD 2019)",
        OGL,
        "2019-11",
        "humaniverse/IMD@2f6c9050",
    ),
    Source(
        "wales/wimd2019_lsoa_geography_lookup.csv",
        "Welsh Government (WIMD 2019)",
        OGL,
        "2019-11",
        "stupidpupil/wimd_msoa@568baa64",
    ),
    Source(
        "wales/wales_local_authorities_lad13.geojson",
        "ONS / Ordnance Survey",
        OGL,
        "2013",
        "martinjc/UK-GeoJSON@88339000",
        "coordinates rounded to 5 decimals (about 1 m)",
    ),
    Source(
        "wales/wales_lsoa11_boundaries_bsc.geojson",
        "ONS / Ordnance Survey",
        OGL,
        "2011",
        "stupidpupil/wales_lsoa_trip_points@60a79cab",
        "coordinates rounded to 5 decimals (about 1 m)",
    ),
    Source(
        "wales/wales_lsoa11_popweighted_centroids.geojson",
        "ONS",
        OGL,
        "2011",
        "stupidpupil/wales_lsoa_trip_points@60a79cab",
        "coordinates rounded to 6 decimals (about 0.1 m)",
    ),
    Source(
        "wales/wales_postcodes_2018.csv",
        "Ordnance Survey (Code-Point Open)",
        OGL,
        "2018",
        "LibrariesHacked/tutorial-postcodelottery@5d23b4a5",
        "easting and northing columns left out (latitude and longitude kept)",
    ),
    Source(
        "wales/wales_libraries_2025.csv",
        "Libraries Hacked",
        "MIT",
        "2025",
        "LibrariesHacked/librarydata-db@9ab18536",
    ),
    Source(
        "wales/wales_lsoa11_population_mid2020.csv",
        "Office for National Statistics (small area population estimates, mid-2020)",
        OGL,
        "2020-06-30",
        "humaniverse/demographr@d0417101 (data/population20_lsoa11.rda)",
        "the Welsh rows of the R data frame population20_lsoa11, as CSV: LSOA code, name, "
        "all ages, aged 65 and over (the sum of the single years 65 to 90+)",
        published_name="wales/population20_lsoa11.rda",
    ),
    Source(
        "wales/wales_lhb_qof_prevalence_2024.csv",
        "StatsWales (GMS disease registers)",
        OGL,
        "2024",
        "humaniverse/healthindexwales@b16fdae7",
    ),
    Source(
        "trafford/trafford_general_practices.csv",
        "Trafford Data Lab (NHS Digital ODS)",
        OGL,
        "2026-01",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/trafford_gp_patient_registrations.csv",
        "Trafford Data Lab (NHS Digital)",
        OGL,
        "2026-01",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/trafford_gp_practices_with_codes_2019.csv",
        "Trafford Data Lab (ODS)",
        OGL,
        "2019",
        "traffordDataLab/gp_indicators@f036ff76",
    ),
    Source(
        "trafford/gm_food_banks.geojson",
        "GM Poverty Action (via Trafford Data Lab)",
        OGL,
        "2018",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/gm_libraries.csv",
        "DCMS and GM councils (via Trafford Data Lab)",
        OGL,
        "2023",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/charities_operating_in_trafford.csv",
        "Charity Commission for England and Wales (via Trafford Data Lab)",
        OGL,
        "2025",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/trafford_care_homes.csv",
        "Care Quality Commission (via Trafford Data Lab)",
        OGL,
        "2025",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/trafford_pharmacies.geojson",
        "NHS (via Trafford Data Lab)",
        OGL,
        "2025",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/trafford_mental_health_services.geojson",
        "Trafford Council",
        OGL,
        "2018",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/sports_clubs.geojson",
        "Trafford Council",
        OGL,
        "2018",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/2021_general_health_lsoa_trafford.csv",
        "ONS (Census 2021)",
        OGL,
        "2021-03-21",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/2021_unpaid_care_lsoa_trafford.csv",
        "ONS (Census 2021)",
        OGL,
        "2021-03-21",
        "traffordDataLab/open_data@a33a7d94",
    ),
    Source(
        "trafford/trafford_postcodes.csv",
        "ONS (Postcode Directory)",
        OGL,
        "2025-02",
        "traffordDataLab/spatial_data@7fa4f03c",
    ),
    Source(
        "trafford/trafford_lsoa21_generalised.geojson",
        "ONS",
        OGL,
        "2021",
        "traffordDataLab/spatial_data@7fa4f03c",
        "coordinates rounded to 5 decimals (about 1 m)",
    ),
    Source(
        "trafford/imd2019_lsoa11_trafford.csv",
        "MHCLG (English IMD 2019)",
        OGL,
        "2019-09",
        "humaniverse/IMD@2f6c9050",
    ),
)


def source_of(path: str) -> Source | None:
    """The source of a file by its path under the data folder (or by its file name)."""
    for source in SOURCES:
        if source.path == path or source.path.rsplit("/", 1)[-1] == path:
            return source
    return None


def full_date(edition: str) -> str:
    """An edition as a full ISO date, its first day when only the year or month is known.

    >>> full_date("2018"), full_date("2025-09"), full_date("2021-03-21")
    ('2018-01-01', '2025-09-01', '2021-03-21')
    """
    parts = edition.split("-")
    return "-".join([parts[0], *[*parts[1:], "01", "01"][:2]])
