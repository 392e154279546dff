/** Where the data lives: the embedded PostgreSQL under the data directory, or an external server. */
package id.modo.verse.common.db;
