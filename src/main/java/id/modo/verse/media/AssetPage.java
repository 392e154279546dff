package id.modo.verse.media;

import java.util.List;

/** One page of assets, newest first, and the cursor of the next page (null on the last). */
public record AssetPage(List<AssetView> items, String nextCursor) {
}
