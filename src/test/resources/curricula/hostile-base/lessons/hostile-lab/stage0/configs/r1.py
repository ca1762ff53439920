print('configured')
