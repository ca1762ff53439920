package io.antidote.tf.state;

class InMemoryDataManagerTest extends DataManagerContract {
    @Override
    protected DataManager newDataManager() {
        return new InMemoryDataManager();
    }
}
