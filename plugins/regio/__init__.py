"""regio-infrastructuur: data model, validation and site generation."""
