/** Frame sources backed by memory-mapped NumPy arrays: fractalshades .postdb and .db files. */
module dev.reel.db {
    requires dev.reel.api;

    exports dev.reel.db;
}
