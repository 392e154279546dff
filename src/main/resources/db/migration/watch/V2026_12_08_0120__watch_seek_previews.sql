-- watch: seek previews (see docs/schema.md, "Watch (issue 17)"). The transcoding job tiles a frame every few seconds
-- into one JPEG (a media asset) and writes the WebVTT map of which tile shows when; both are replaced with the renditions.
ALTER TABLE content_videos ADD COLUMN sprite_asset_id UUID;
ALTER TABLE content_videos ADD COLUMN thumbnails_vtt TEXT;
